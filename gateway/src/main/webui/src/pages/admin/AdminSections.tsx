import { NavLink } from 'react-router'

/**
 * The admin page in sections, one URL each (/admin/support/agents …), so that a reload or a shared
 * link opens the same section and a phone shows one screenful of one thing at a time.
 */
export interface AdminSection {
  key: string
  path: string
  label: string
}

export const ADMIN_SECTIONS: AdminSection[] = [
  { key: '', path: '/admin/support', label: 'Overview' },
  { key: 'agents', path: '/admin/support/agents', label: 'Agents' },
  { key: 'tickets', path: '/admin/support/tickets', label: 'Tickets' },
  { key: 'faq', path: '/admin/support/faq', label: 'FAQ entries' },
  { key: 'sla', path: '/admin/support/sla', label: 'SLA policy' },
]

export function adminSection(key: string | undefined): AdminSection | undefined {
  return ADMIN_SECTIONS.find((s) => s.key === (key ?? ''))
}

/** Links, not ARIA tabs: each section is a page of its own (NavLink marks the current one with aria-current). */
export function AdminSectionNav() {
  return (
    <nav aria-label="Support management sections" className="mb-6 border-b border-slate-300">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {ADMIN_SECTIONS.map((s) => (
          <li key={s.key} className="shrink-0">
            <NavLink
              to={s.path}
              end
              className={({ isActive }) =>
                `block min-h-11 border-b-4 px-3 py-2.5 text-sm font-semibold ${
                  isActive ? 'border-blue-700 text-blue-900' : 'border-transparent text-slate-700 hover:border-slate-400 hover:text-slate-900'
                }`
              }
            >
              {s.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
