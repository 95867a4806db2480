/** The only form in which a secret is stored: its SHA-256, through Web Crypto (Node, Deno, Bun, Workers). */
const encoder = new TextEncoder();

/** SHA-256 of the secret's UTF-8 bytes, as 64 lowercase hex digits. */
export async function hashSecret(secret: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(secret)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
