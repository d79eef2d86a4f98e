import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ME, fakeServer, type Reply } from '../../test/server.ts';
import { useSession } from '../../shared/auth/session.ts';
import { StaffForm, generatePassword } from './StaffForm.tsx';
import { passwordProblems } from '../../shared/lib/password.ts';

const PASSWORD = 'Correct-Horse-42';
const PEOPLE = [
  { id: 31, name: 'Zoe Lead', role: 'manager' },
  { id: 32, name: 'Adam Admin', role: 'admin' },
  { id: 33, name: 'Walt Worker', role: 'regular_user' },
];

function renderWizard(replies: Reply[]) {
  useSession.setState({ status: 'signed-in', user: { ...ME, role: 'admin' } as never });
  const calls = fakeServer((call) => {
    if (call.method === 'POST' && call.url === '/api/users') return replies.shift() ?? { status: 500 };
    if (call.method === 'GET' && call.url === '/api/users') {
      const items = PEOPLE.filter((p) => p.role === call.params.role && call.params.is_active === true);
      return { status: 200, body: { items, total: items.length, page: 1, page_size: 100, pages: 1 } };
    }
    return { status: 404 };
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <StaffForm prefill={{ name: 'Nora Newcomer', email: 'nora@example.com', job_title: 'Illustrator', department: 'Design', phone: null } as never} onClose={() => {}} />
    </QueryClientProvider>,
  );
  return { get posts() { return calls.filter((c) => c.method === 'POST'); } };
}

const next = () => fireEvent.click(screen.getByRole('button', { name: 'Next' }));
const current = () => screen.getByRole('listitem', { current: 'step' }).textContent;
const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label, { exact: false }), { target: { value } });
const refusal = (field: string): Reply => ({ status: 422, body: { error: 'validation_error', message: `${field}: invalid`, detail: [{ loc: ['body', field], field, msg: 'invalid', type: 'invalid' }] } });

describe('the staff wizard (docs/web-app.md)', () => {
  it('checks each step before Next and sends nothing while a step is invalid', async () => {
    const server = renderWizard([]);
    expect(current()).toContain('Basic info');
    expect(screen.getByLabelText('Full name', { exact: false })).toHaveValue('Nora Newcomer');
    fill('Initial password', 'short');
    next();
    expect(await screen.findByText(/Password needs at least 12 characters/)).toBeInTheDocument();
    expect(current()).toContain('Basic info');
    fill('Initial password', PASSWORD);
    next();
    expect(current()).toContain('Employment');
    expect(screen.getByLabelText('Job title')).toHaveValue('Illustrator');
    fill('Expected hours per week', '200');
    next();
    expect(await screen.findByText('Between 0 and 168')).toBeInTheDocument();
    expect(current()).toContain('Employment');
    fill('Expected hours per week', '40');
    next();
    next();
    expect(current()).toContain('Payroll & teams');
    fill('Overtime multiplier', '4');
    fireEvent.click(screen.getByRole('button', { name: 'Create staff member' }));
    expect(await screen.findByText('Between 1 and 3')).toBeInTheDocument();
    expect(server.posts).toHaveLength(0);
  });

  it('a server refusal returns to the step of the field it names; success shows the credentials once', async () => {
    const server = renderWizard([refusal('phone'), refusal('pay_rate'), { status: 201, body: { id: 9, name: 'Nora Newcomer', email: 'nora@example.com' } }]);
    fill('Initial password', PASSWORD);
    next();
    next();
    next();
    fill('Pay rate', '25.50');
    fireEvent.change(screen.getByLabelText('Currency'), { target: { value: 'EUR' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create staff member' }));
    expect(await screen.findByText('phone: invalid')).toBeInTheDocument();
    expect(current()).toContain('Contact');
    next();
    fireEvent.click(screen.getByRole('button', { name: 'Create staff member' }));
    expect(await screen.findByText('pay_rate: invalid')).toBeInTheDocument();
    expect(current()).toContain('Payroll & teams');
    fireEvent.click(screen.getByRole('button', { name: 'Create staff member' }));
    expect(await screen.findByTestId('credentials-summary')).toBeInTheDocument();
    expect(screen.getByTestId('credentials-email')).toHaveTextContent('nora@example.com');
    expect(screen.getByTestId('credentials-password')).toHaveTextContent(PASSWORD);
    expect(screen.getByText(/The password is shown once/)).toBeInTheDocument();
    expect(server.posts).toHaveLength(3);
    expect(server.posts[2]!.body).toMatchObject({ name: 'Nora Newcomer', email: 'nora@example.com', password: PASSWORD, job_title: 'Illustrator', pay_rate: 25.5, pay_rate_type: 'hourly', overtime_multiplier: 1.5, currency: 'EUR', employment_type: 'full_time', expected_hours_per_week: 40 });
  });

  it('offers active managers and admins as the manager and sends the chosen one', async () => {
    const server = renderWizard([{ status: 201, body: { id: 9, name: 'Nora Newcomer', email: 'nora@example.com' } }]);
    fill('Initial password', PASSWORD);
    next();
    await screen.findByRole('option', { name: 'Zoe Lead (Manager)' });
    const options = screen.getAllByRole('option').filter((o) => o.closest('select') === screen.getByLabelText('Manager'));
    expect(options.map((o) => o.textContent)).toEqual(['None', 'Adam Admin (Admin)', 'Zoe Lead (Manager)']);
    fireEvent.change(screen.getByLabelText('Manager'), { target: { value: '31' } });
    next();
    next();
    fireEvent.click(screen.getByRole('button', { name: 'Create staff member' }));
    await screen.findByTestId('credentials-summary');
    expect(server.posts[0]!.body).toMatchObject({ manager_id: 31 });
  });

  it('generates passwords that meet the server rules', () => {
    for (let i = 0; i < 50; i++) expect(passwordProblems(generatePassword())).toEqual([]);
  });
});
