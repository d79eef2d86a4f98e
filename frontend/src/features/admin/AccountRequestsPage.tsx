import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api/client.ts';
import { messageOf } from '../../shared/api/errors.ts';
import { usePage, useZone } from '../../shared/api/queries.ts';
import type { AccountRequest, Prefill } from '../../shared/api/types.ts';
import { formatDateTime } from '../../shared/lib/format.ts';
import { Button, Card, ConfirmDialog, Field, Modal, PageHeader, Pager, QueryView, TextArea } from '../../shared/ui/kit.tsx';
import { toast } from '../../shared/ui/toasts.ts';

const TABS = ['pending', 'approved', 'rejected', ''] as const;

function Review({ request, action, onClose }: { request: AccountRequest; action: 'approve' | 'reject'; onClose: () => void }) {
  const [notes, setNotes] = useState('');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const review = useMutation({
    mutationFn: async () => (await api.post<{ request_id: number; prefill_data?: Prefill }>(`/api/account-requests/${request.id}/${action}`, { admin_notes: notes.trim() || null })).data,
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['account-requests'] });
      onClose();
      if (action === 'approve') {
        toast.success('Request approved — create the account now');
        navigate('/admin', { state: { prefill: result.prefill_data ?? { name: request.name, email: request.email, phone: request.phone, job_title: request.job_title, department: request.department } } });
      } else {
        toast.success('Request rejected');
      }
    },
    onError: (error) => toast.error(messageOf(error)),
  });
  return (
    <Modal title={action === 'approve' ? `Approve ${request.name}` : `Reject ${request.name}`} onClose={onClose}>
      <p className="mb-3 text-sm">
        {action === 'approve' ? 'Approving opens the staff form prefilled with this request.' : 'The applicant is not told the reason unless you contact them.'}
      </p>
      <TextArea label={action === 'approve' ? 'Admin notes' : 'Reason for rejection'} value={notes} onChange={(e) => setNotes(e.target.value)} />
      <div className="mt-3 flex justify-end gap-2">
        <Button tone="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button tone={action === 'approve' ? 'primary' : 'danger'} busy={review.isPending} onClick={() => review.mutate()}>
          {action === 'approve' ? 'Approve and create account' : 'Reject request'}
        </Button>
      </div>
    </Modal>
  );
}

export default function AccountRequestsPage() {
  const zone = useZone();
  const [status, setStatus] = useState<(typeof TABS)[number]>('pending');
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [reviewing, setReviewing] = useState<{ request: AccountRequest; action: 'approve' | 'reject' } | null>(null);
  const [deleting, setDeleting] = useState<AccountRequest | null>(null);
  const queryClient = useQueryClient();
  const requests = usePage<AccountRequest>('account-requests', '/api/account-requests', { page, page_size: 20, status: status || undefined, search: search || undefined });
  const remove = useMutation({
    mutationFn: (request: AccountRequest) => api.delete(`/api/account-requests/${request.id}`),
    onSuccess: () => {
      toast.success('Request deleted');
      setDeleting(null);
      void queryClient.invalidateQueries({ queryKey: ['account-requests'] });
    },
    onError: (error) => {
      setDeleting(null);
      toast.error(messageOf(error));
    },
  });
  return (
    <>
      <PageHeader title="Account requests" subtitle="People asking for an account" />
      <Card>
        <div role="tablist" aria-label="Status" className="mb-3 flex flex-wrap gap-1">
          {TABS.map((t) => (
            <button
              key={t || 'all'}
              role="tab"
              type="button"
              aria-selected={status === t}
              className={`rounded-md px-3 py-1 text-sm ${status === t ? 'bg-indigo-600 text-white' : 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100'}`}
              onClick={() => { setStatus(t); setPage(1); }}
            >
              {t ? t[0]!.toUpperCase() + t.slice(1) : 'All'}
            </button>
          ))}
        </div>
        <div className="mb-3 max-w-sm">
          <Field label="Search by name or email" type="search" value={search} onChange={(e) => { setSearch(e.target.value); setPage(1); }} />
        </div>
        <QueryView query={requests} isEmpty={(d) => !d.items.length} empty="No requests here">
          {(d) => (
            <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="request-list">
              {d.items.map((r) => (
                <li key={r.id} data-testid="account-request" className="flex flex-wrap items-center gap-2 py-2 text-sm">
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-medium">{r.name}</p>
                    <p className="truncate text-xs text-slate-500 dark:text-slate-400">
                      {r.email}
                      {r.job_title ? ` · ${r.job_title}` : ''}
                      {r.department ? ` · ${r.department}` : ''} · {formatDateTime(r.submitted_at, zone)}
                    </p>
                    {r.message ? <p className="text-xs">{r.message}</p> : null}
                  </div>
                  <span className="rounded-full bg-slate-100 px-2 text-xs text-slate-800">{r.status}</span>
                  {r.status === 'pending' ? (
                    <>
                      <Button tone="secondary" onClick={() => setReviewing({ request: r, action: 'approve' })}>
                        Approve
                      </Button>
                      <Button tone="ghost" onClick={() => setReviewing({ request: r, action: 'reject' })}>
                        Reject
                      </Button>
                    </>
                  ) : null}
                  <Button tone="ghost" aria-label={`Delete request of ${r.name}`} onClick={() => setDeleting(r)}>
                    Delete
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </QueryView>
        {requests.data ? <Pager page={requests.data.page} pages={requests.data.pages} total={requests.data.total} onPage={setPage} /> : null}
      </Card>
      {reviewing ? <Review {...reviewing} onClose={() => setReviewing(null)} /> : null}
      {deleting ? (
        <ConfirmDialog title="Delete request" message={`Delete the request of ${deleting.name}?`} confirmLabel="Delete" busy={remove.isPending} onConfirm={() => remove.mutate(deleting)} onCancel={() => setDeleting(null)} />
      ) : null}
    </>
  );
}
