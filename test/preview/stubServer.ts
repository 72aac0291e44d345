import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inflateRawSync } from 'node:zlib';

/** A PlantUML server stand-in on 127.0.0.1: `answer` gets the format and the decoded diagram text. */
export async function stubPlantUmlServer(answer: (format: string, text: string, response: http.ServerResponse) => void): Promise<{ url: string; seen: string[]; close(): void }> {
  const seen: string[] = [];
  const server = http.createServer((request, response) => {
    const [, format = '', encoded = ''] = /^\/(\w+)\/(.+)$/.exec(request.url ?? '') ?? [];
    const text = decodePlantUml(encoded);
    seen.push(`${format} ${text}`);
    answer(format, text, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** The server's side of PlantUML's text encoding (raw DEFLATE, base64 over its own alphabet). */
export function decodePlantUml(encoded: string): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i += 4) {
    const [a, b, c, d] = [...encoded.slice(i, i + 4)].map((ch) => alphabet.indexOf(ch));
    bytes.push((a << 2) | (b >> 4), ((b & 0xf) << 4) | (c >> 2), ((c & 0x3) << 6) | d);
  }
  try {
    return inflateRawSync(Buffer.from(bytes)).toString('utf8');
  } catch {
    return '';
  }
}
