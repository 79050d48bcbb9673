import { NavLink } from 'react-router'

export interface LinkNavItem {
  to: string
  label: string
  /** Current only on exactly this path (default), or also below it. */
  end?: boolean
}

/** A row of links, not ARIA tabs: NavLink marks the current one with aria-current. */
export function LinkNav({ label, items, navClass, listClass, linkClass }: { label: string; items: LinkNavItem[]; navClass: string; listClass: string; linkClass: (current: boolean) => string }) {
  return (
    <nav aria-label={label} className={navClass}>
      <ul className={listClass}>
        {items.map((item) => (
          <li key={item.to} className="shrink-0">
            <NavLink to={item.to} end={item.end ?? true} className={({ isActive }) => `block border-b-4 px-3 ${linkClass(isActive)}`}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
