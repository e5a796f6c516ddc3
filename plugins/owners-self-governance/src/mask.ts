/**
 * Owners' names and phones leave the API only masked: staff recognise a
 * household by its room and a masked name (张*华, 138****1234); the full
 * record stays in the roll. Masking here is by construction — no route
 * serializes the raw columns.
 */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export const maskPhone = (phone: string): string => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****');
