import { cookies } from 'next/headers';
import { logIn } from '@/lib/users';

export async function POST(request: Request) {
  const form = await request.formData();
  const sid = logIn(String(form.get('username')), String(form.get('password')));
  if (!sid) return Response.json({ error: 'wrong name or password' }, { status: 401 });
  (await cookies()).set('sid', sid, { httpOnly: true, sameSite: 'lax', path: '/' });
  return Response.json({ user: form.get('username') });
}
