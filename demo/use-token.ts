/**
 * The panel's "Use a token": a secret pasted by the user calls the host's own API
 * (`GET /api/whoami`), which the server protects with `service.verify`. The secret goes in the
 * Authorization header only, and the input is a password field: it is never shown or logged.
 */
interface WhoamiAnswer {
  user: { id: string; name: string };
  token: { id: string; name: string | null };
  scopes: string[] | null;
}

export function setUpUseToken(form: HTMLFormElement, result: HTMLElement, afterCall: () => void): void {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const secret = String(new FormData(form).get('secret') ?? '').trim();
    if (!secret) return;
    result.textContent = 'Calling GET /api/whoami…';
    let response: Response;
    try {
      response = await fetch('/api/whoami', { headers: { Authorization: `Bearer ${secret}` } });
    } catch {
      result.textContent = 'The request failed: the network is down (or a fault dropped it).';
      return;
    }
    if (response.ok) {
      const { user, token, scopes } = (await response.json()) as WhoamiAnswer;
      const permissions = scopes ? `permissions ${scopes.join(', ')}` : `all of ${user.name}’s permissions`;
      result.textContent = `${response.status}: acting as ${user.name} (${user.id}) with “${token.name ?? token.id}”, ${permissions}.`;
    } else {
      const problem = (await response.json().catch(() => ({}))) as { detail?: string };
      result.textContent = `${response.status}: refused. ${problem.detail ?? ''}`.trim();
    }
    afterCall();
  });
}
