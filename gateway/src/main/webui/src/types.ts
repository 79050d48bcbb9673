export type Role = 'customer' | 'agent' | 'admin'
export type Status = 'OPEN' | 'IN_PROGRESS' | 'ON_HOLD' | 'RESOLVED' | 'CLOSED'
export type Priority = 'LOW' | 'MEDIUM' | 'HIGH'
export type Category = 'DAMAGED' | 'LOST' | 'LATE' | 'QUALITY' | 'OTHER'

export interface Page<T> {
  items: T[]
  total: number
  page: number
  size: number
}

export interface Note {
  id: string
  authorId: string
  authorName: string
  authorRole: string
  body: string
  createdAt: string
}

export interface Feedback {
  rating: number
  comment?: string
  submittedAt: string
}

/** A ticket as customers (fewer fields) and staff (all fields) see it. */
export interface Ticket {
  id: string
  reference: string
  subject: string
  description: string
  category: Category
  priority: Priority
  status: Status
  deliveryId?: string
  assigneeId?: string
  assigneeName?: string
  customerId?: string
  customerName?: string
  customerEmail?: string
  allowedTransitions?: Status[]
  createdAt: string
  updatedAt: string
  firstResponseAt?: string
  resolvedAt?: string
  closedAt?: string
  feedbackAllowed?: boolean
  feedback?: Feedback
  notes?: Note[]
  version?: number
  /** The customer's earlier, closed ticket this one follows up on. */
  followUpOf?: string | null
  /** Files attached when the ticket was opened. */
  attachments?: AttachmentRef[]
  /** The ticket this one was merged into (it is closed then; see merge/). */
  mergedIntoId?: string | null
  /** The service-level clocks: staff views only (a customer's view never has them). */
  sla?: TicketSla | null
}

export type SlaStatus = 'RUNNING' | 'PAUSED' | 'MET' | 'BREACHED'

/**
 * One service-level clock as the API reports it: `dueAt` is when it reaches its target if it keeps
 * running (null while paused), `remainingMinutes` the business minutes left (negative once breached
 * and still running, null when met).
 */
export interface SlaClock {
  dueAt: string | null
  status: SlaStatus
  remainingMinutes: number | null
}

export interface TicketSla {
  firstResponse: SlaClock
  resolution: SlaClock
}

export type AuthorRole = 'CUSTOMER' | 'AGENT' | 'ADMIN'
export type Visibility = 'PUBLIC' | 'INTERNAL'

/** A file as the API lists it on a ticket or a message (the bytes are fetched separately). */
export interface AttachmentRef {
  id: string
  filename: string
  contentType: string
  size: number
}

/** One message of a ticket's conversation; INTERNAL ones (internal notes) reach staff only. */
export interface Message {
  id: string
  seq: number
  authorId: string
  authorName: string
  authorRole: AuthorRole
  visibility: Visibility
  channel: 'WEB' | 'EMAIL' | 'API'
  body: string
  attachments: AttachmentRef[]
  createdAt: string
}

export type TimelineKind =
  | 'CREATED'
  | 'ASSIGNED'
  | 'UNASSIGNED'
  | 'STATUS_CHANGED'
  | 'MESSAGE'
  | 'NOTE'
  | 'ATTACHMENT'
  | 'FEEDBACK'
  | 'SLA_WARNING'
  | 'SLA_BREACHED'
  | 'PRIORITY_CHANGED'
  | 'MERGED'

/** One change of a ticket, in commit order (`seq`); the live stream adds the message to MESSAGE/NOTE entries. */
export interface TimelineEntry {
  seq: number
  at: string
  actor: { id: string; name: string; role: AuthorRole } | null
  kind: TimelineKind
  from?: string | null
  to?: string | null
  fromName?: string | null
  toName?: string | null
  messageId?: string | null
  attachmentId?: string | null
  message?: Message
}

export interface Account {
  id: string
  email: string
  name: string
  phone?: string
  role: Role
  status: string
  rejectionReason?: string
  createdAt: string
  decidedAt?: string
}

export interface Notification {
  id: string
  type: string
  ticketId?: string
  title: string
  body: string
  read: boolean
  createdAt: string
}

export interface FaqEntry {
  id: string
  topicKey: string
  language: string
  category: string
  question: string
  answer: string
  helpfulCount: number
  notHelpfulCount: number
}

export interface AgentLoad {
  agentId: string
  name: string
  openTickets: number
  resolvedTickets: number
}

export interface Stats {
  total: number
  byStatus: Record<string, number>
  byPriority: Record<string, number>
  byCategory: Record<string, number>
  unassigned: number
  averageRating: number | null
  ratings: number
  averageFirstResponseSeconds: number | null
  averageResolutionSeconds: number | null
  agentLoad: AgentLoad[]
  /** Per priority, the share of stopped resolution clocks that met their target (null: none stopped yet). */
  slaMetPercent?: Partial<Record<Priority, number | null>>
}

export const STATUSES: Status[] = ['OPEN', 'IN_PROGRESS', 'ON_HOLD', 'RESOLVED', 'CLOSED']
export const PRIORITIES: Priority[] = ['LOW', 'MEDIUM', 'HIGH']
export const CATEGORIES: Category[] = ['DAMAGED', 'LOST', 'LATE', 'QUALITY', 'OTHER']

export const STATUS_LABEL: Record<Status, string> = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  ON_HOLD: 'On hold',
  RESOLVED: 'Resolved',
  CLOSED: 'Closed',
}
export const PRIORITY_LABEL: Record<Priority, string> = { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High' }
export const CATEGORY_LABEL: Record<Category, string> = {
  DAMAGED: 'Damaged — arrived damaged',
  LOST: 'Lost — lost in transit',
  LATE: 'Late — delivery delayed',
  QUALITY: 'Quality — quality or specification issue',
  OTHER: 'Other — general inquiry',
}
export const CATEGORY_SHORT: Record<string, string> = {
  DAMAGED: 'Damaged',
  LOST: 'Lost',
  LATE: 'Late',
  QUALITY: 'Quality',
  OTHER: 'Other',
  SHIPPING: 'Shipping',
  RETURNS: 'Returns',
  ACCOUNT: 'Account',
  SUPPORT: 'Support',
}
export const ROLE_LABEL: Record<Role, string> = { customer: 'Customer', agent: 'Support agent', admin: 'Admin' }
