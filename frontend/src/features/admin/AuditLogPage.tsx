import { useState } from 'react';
import { usePage, useZone } from '../../shared/api/queries.ts';
import type { AuditLogEntry } from '../../shared/api/types.ts';
import { formatDateTime } from '../../shared/lib/format.ts';
import { Card, Field, PageHeader, Pager, QueryView } from '../../shared/ui/kit.tsx';

/** The audit trail (GET /api/audit-logs), newest first, filtered by action and resource type. */
export default function AuditLogPage() {
  const zone = useZone();
  const [page, setPage] = useState(1);
  const [action, setAction] = useState('');
  const [resource, setResource] = useState('');
  const logs = usePage<AuditLogEntry>('audit-logs', '/api/audit-logs', { page, page_size: 50, action: action || undefined, resource_type: resource || undefined });
  return (
    <>
      <PageHeader title="Audit log" subtitle="Security and data events" />
      <Card>
        <div className="mb-3 grid gap-2 sm:grid-cols-3">
          <Field label="Action" value={action} placeholder="e.g. LOGIN" onChange={(e) => { setAction(e.target.value.toUpperCase()); setPage(1); }} />
          <Field label="Resource type" value={resource} placeholder="e.g. user" onChange={(e) => { setResource(e.target.value); setPage(1); }} />
        </div>
        <QueryView query={logs} isEmpty={(d) => !d.items.length} empty="No events match">
          {(d) => (
            <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="audit-list">
              {d.items.map((e) => (
                <li key={e.id} className="py-2 text-sm">
                  <p>
                    <span className="font-mono text-xs font-semibold">{e.action}</span>{' '}
                    {e.resource_type ? `${e.resource_type}${e.resource_id !== null ? ` #${e.resource_id}` : ''}` : ''}
                  </p>
                  <p className="text-xs text-slate-500 dark:text-slate-400">
                    {formatDateTime(e.timestamp, zone)} · {e.user_email ?? 'system'} · {e.ip_address ?? 'no address'}
                  </p>
                  {e.details ? <p className="truncate text-xs">{e.details}</p> : null}
                </li>
              ))}
            </ul>
          )}
        </QueryView>
        {logs.data ? <Pager page={logs.data.page} pages={logs.data.pages} total={logs.data.total} onPage={setPage} /> : null}
      </Card>
    </>
  );
}
