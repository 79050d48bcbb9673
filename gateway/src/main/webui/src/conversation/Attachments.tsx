import { useCallback, useEffect, useId, useRef, useState, type DragEvent } from 'react'
import { ApiError, errorMessage, fetchBlob, saveFile, uploadFile } from '../api'
import type { AttachmentRef } from '../types'
import { Button } from '../ui'
import { useAction } from '../form'

/** The API's defaults (ticket-service `support.attachments.*`): the picker refuses before uploading. */
export const MAX_FILES = 10
export const MAX_FILE_BYTES = 10 * 1024 * 1024
/** What the picker offers; the server decides by the bytes, whatever the name or declared type. */
const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif,image/heic,.heic,application/pdf,.pdf,text/plain,.txt,text/csv,.csv'
/** Shown in the page (as <img>); everything else is a download. */
const INLINE_IMAGES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif'])

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

function uploadError(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 413) return 'Too large: at most 10 MB a file.'
    if (err.status === 415) return 'This kind of file cannot be attached. Use a photo (JPEG, PNG, WebP, GIF, HEIC), a PDF, a text or a CSV file.'
    if (err.status === 422) return 'Refused: the virus scanner flagged this file.'
    if (err.fieldErrors.file) return err.fieldErrors.file
  }
  return errorMessage(err)
}

export interface PendingFile {
  key: string
  file: File
  /** An object URL of the local file, for images the browser can show. */
  preview?: string
  progress: number
  state: 'uploading' | 'done' | 'error'
  error?: string
  ref?: AttachmentRef
}

/**
 * Files chosen for a message or a new ticket: each is uploaded at once (POST /api/support/attachments/,
 * with progress), and the form sends the ids of those that arrived.
 */
export function usePendingUploads() {
  const [files, setFiles] = useState<PendingFile[]>([])
  const aborts = useRef(new Map<string, () => void>())
  const previews = useRef(new Map<string, string>())
  const [notice, setNotice] = useState<string | null>(null)

  const patch = (key: string, change: Partial<PendingFile>) => setFiles((list) => list.map((f) => (f.key === key ? { ...f, ...change } : f)))

  const forget = (key: string) => {
    aborts.current.get(key)?.()
    aborts.current.delete(key)
    const url = previews.current.get(key)
    if (url) URL.revokeObjectURL(url)
    previews.current.delete(key)
  }

  // nothing keeps running or holds memory once the form is gone
  useEffect(() => {
    const running = aborts.current
    const urls = previews.current
    return () => {
      running.forEach((abort) => abort())
      urls.forEach((url) => URL.revokeObjectURL(url))
    }
  }, [])

  const add = useCallback(
    (chosen: File[]) => {
      setNotice(null)
      const room = MAX_FILES - files.length
      if (chosen.length > room) setNotice(`At most ${MAX_FILES} files: ${chosen.length - Math.max(0, room)} not added.`)
      const added: PendingFile[] = []
      for (const file of chosen.slice(0, Math.max(0, room))) {
        const key = crypto.randomUUID()
        const preview = INLINE_IMAGES.has(file.type) ? URL.createObjectURL(file) : undefined
        if (preview) previews.current.set(key, preview)
        if (file.size === 0) {
          added.push({ key, file, preview, progress: 0, state: 'error', error: 'The file is empty.' })
          continue
        }
        if (file.size > MAX_FILE_BYTES) {
          added.push({ key, file, preview, progress: 0, state: 'error', error: 'Too large: at most 10 MB a file.' })
          continue
        }
        added.push({ key, file, preview, progress: 0, state: 'uploading' })
        const upload = uploadFile<AttachmentRef>('/api/support/attachments/', file, (progress) => patch(key, { progress }))
        aborts.current.set(key, upload.abort)
        upload.done
          .then((ref) =>
            ref && typeof ref.id === 'string'
              ? patch(key, { state: 'done', progress: 1, ref })
              : patch(key, { state: 'error', error: 'The upload failed. Please try again.' }),
          )
          .catch((err) => {
            if (err instanceof ApiError && err.status === 0 && err.detail === 'aborted') return
            patch(key, { state: 'error', error: uploadError(err) })
          })
          .finally(() => aborts.current.delete(key))
      }
      setFiles((list) => [...list, ...added])
    },
    [files.length],
  )

  const remove = useCallback((key: string) => {
    forget(key)
    setNotice(null)
    setFiles((list) => list.filter((f) => f.key !== key))
  }, [])

  /** After sending: the files belong to the message now; the local previews go. */
  const clear = useCallback(() => {
    for (const key of [...previews.current.keys(), ...aborts.current.keys()]) forget(key)
    setNotice(null)
    setFiles([])
  }, [])

  return {
    files,
    notice,
    add,
    remove,
    clear,
    ids: files.filter((f) => f.state === 'done' && f.ref).map((f) => f.ref!.id),
    /** Why the form cannot be sent yet (files still uploading or failed), or null. */
    blocker: files.some((f) => f.state === 'uploading')
      ? 'Wait until the files are uploaded.'
      : files.some((f) => f.state === 'error')
        ? 'Remove the files that could not be uploaded first.'
        : null,
  }
}

export type PendingUploads = ReturnType<typeof usePendingUploads>

/** A drop zone with a file picker, and the chosen files with preview, progress, error and "Remove". */
export function AttachmentPicker({ uploads, label = 'Photos or files' }: { uploads: PendingUploads; label?: string }) {
  const id = useId()
  const [over, setOver] = useState(false)
  const input = useRef<HTMLInputElement>(null)

  const drop = (e: DragEvent) => {
    e.preventDefault()
    setOver(false)
    if (e.dataTransfer.files.length) uploads.add([...e.dataTransfer.files])
  }

  return (
    <div className="mb-4">
      <div
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        className={`flex flex-wrap items-center gap-3 rounded-md border-2 border-dashed px-3 py-3 text-sm ${over ? 'border-blue-600 bg-blue-50' : 'border-slate-300'}`}
      >
        <input
          ref={input}
          id={id}
          type="file"
          multiple
          accept={ACCEPT}
          className="peer sr-only"
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            if (e.target.files?.length) uploads.add([...e.target.files])
            e.target.value = '' // the same file may be chosen again after "Remove"
          }}
        />
        <label
          htmlFor={id}
          className="inline-flex min-h-10 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100 peer-focus-visible:ring-2 peer-focus-visible:ring-blue-600"
        >
          Add {label.toLowerCase()}
        </label>
        <span id={`${id}-hint`} className="text-slate-600">
          or drop them here. Photos, PDF, text or CSV; up to {MAX_FILES} files of 10 MB each.
        </span>
      </div>
      {uploads.notice && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {uploads.notice}
        </p>
      )}
      {uploads.files.length > 0 && (
        <ul aria-label="Files to send" className="mt-3 grid gap-2 sm:grid-cols-2">
          {uploads.files.map((f) => (
            <li key={f.key} data-file={f.file.name} className={`flex min-w-0 items-center gap-3 rounded-md border p-2 ${f.state === 'error' ? 'border-red-300 bg-red-50' : 'border-slate-200 bg-white'}`}>
              <Preview url={f.preview} name={f.file.name} />
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm font-medium" title={f.file.name}>
                  {f.file.name}
                </span>
                <span className="block text-xs text-slate-600">{formatSize(f.file.size)}</span>
                {f.state === 'uploading' && (
                  <progress className="mt-1 block h-2 w-full" max={1} value={f.progress} aria-label={`Uploading ${f.file.name}`} />
                )}
                {f.state === 'done' && <span className="block text-xs text-green-800">Uploaded</span>}
                {f.state === 'error' && <span className="block text-xs text-red-800">{f.error}</span>}
              </span>
              <Button variant="ghost" className="shrink-0 px-2" aria-label={`Remove ${f.file.name}`} onClick={() => { uploads.remove(f.key); input.current?.focus() }}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** The local preview of a chosen file; a file type tile when there is none or it is no image after all. */
function Preview({ url, name }: { url?: string; name: string }) {
  const [broken, setBroken] = useState(false)
  if (url && !broken) return <img src={url} alt="" onError={() => setBroken(true)} className="h-14 w-14 shrink-0 rounded object-cover" />
  return (
    <span aria-hidden="true" className="flex h-14 w-14 shrink-0 items-center justify-center rounded bg-slate-100 text-xs font-semibold text-slate-600 uppercase">
      {extension(name)}
    </span>
  )
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 && name.length - dot <= 5 ? name.slice(dot + 1) : 'file'
}

/** An attachment's bytes as an object URL (fetched with the token), revoked when no longer shown. */
function useBlobUrl(id: string | null): { url: string | null; error: boolean } {
  const [state, setState] = useState<{ url: string | null; error: boolean }>({ url: null, error: false })
  useEffect(() => {
    if (!id) return
    let url: string | null = null
    let current = true
    fetchBlob(`/api/support/attachments/${id}/`)
      .then((blob) => {
        if (!current) return
        url = URL.createObjectURL(blob)
        setState({ url, error: false })
      })
      .catch(() => current && setState({ url: null, error: true }))
    return () => {
      current = false
      if (url) URL.revokeObjectURL(url)
    }
  }, [id])
  return state
}

/** A modal view of one image: Escape or "Close" shuts it, and the focus goes back to the thumbnail. */
function ImageDialog({ url, name, onClose }: { url: string; name: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = dialog.current
    if (d && !d.open) d.showModal()
  }, [])
  return (
    <dialog
      ref={dialog}
      aria-label={name}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === dialog.current) dialog.current?.close() // a click on the backdrop
      }}
      className="m-auto max-h-[95vh] max-w-[95vw] rounded-lg bg-white p-3 shadow-xl backdrop:bg-slate-900/70"
    >
      <div className="mb-2 flex items-center justify-between gap-3">
        <p className="min-w-0 truncate text-sm font-medium">{name}</p>
        <Button variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
          Close
        </Button>
      </div>
      <img src={url} alt={name} className="max-h-[80vh] max-w-full object-contain" />
    </dialog>
  )
}

function Thumbnail({ file }: { file: AttachmentRef }) {
  const { url, error } = useBlobUrl(file.id)
  const [open, setOpen] = useState(false)
  const trigger = useRef<HTMLButtonElement>(null)
  if (error) return <span className="text-sm text-red-700">{file.filename} could not be loaded.</span>
  return (
    <>
      <button
        ref={trigger}
        type="button"
        onClick={() => setOpen(true)}
        disabled={!url}
        aria-label={`Open ${file.filename} larger`}
        className="block h-24 w-24 overflow-hidden rounded-md border border-slate-300 bg-slate-100 sm:h-28 sm:w-28"
      >
        {url ? <img src={url} alt={file.filename} className="h-full w-full object-cover" /> : <span className="sr-only">Loading {file.filename}</span>}
      </button>
      {open && url && (
        <ImageDialog
          url={url}
          name={file.filename}
          onClose={() => {
            setOpen(false)
            trigger.current?.focus()
          }}
        />
      )}
    </>
  )
}

function Download({ file }: { file: AttachmentRef }) {
  const { busy, error, run } = useAction()
  const save = () => run(() => saveFile(`/api/support/attachments/${file.id}/`, file.filename))
  return (
    <span className="inline-flex flex-col">
      <Button variant="secondary" busy={busy} onClick={save} className="max-w-full">
        <span aria-hidden="true">⤓</span>
        <span className="sr-only">Download</span>{' '}
        <span className="min-w-0 truncate">{file.filename}</span>{' '}
        <span className="font-normal text-slate-600">{formatSize(file.size)}</span>
      </Button>
      {error && <span className="text-xs text-red-700">{error}</span>}
    </span>
  )
}

/** Files of a message or a ticket: images as thumbnails that open larger, the rest as downloads. */
export function AttachmentList({ files, label = 'Attachments' }: { files: AttachmentRef[]; label?: string }) {
  if (files.length === 0) return null
  return (
    <ul aria-label={label} className="mt-3 flex flex-wrap gap-2">
      {files.map((f) => (
        <li key={f.id} data-attachment={f.filename} className="min-w-0">
          {INLINE_IMAGES.has(f.contentType) ? <Thumbnail file={f} /> : <Download file={f} />}
        </li>
      ))}
    </ul>
  )
}
