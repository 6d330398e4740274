/** The `Authorization` header of Langfuse's APIs: Basic auth with the project's public and secret key (UTF-8). */
export function langfuseBasicAuth(publicKey: string, secretKey: string): string {
  const bytes = new TextEncoder().encode(`${publicKey}:${secretKey}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}
