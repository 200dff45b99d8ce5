import { spawn } from 'node:child_process';

/**
 * The text of a PDF, read with pdf-parse v2 (`new PDFParse({ data }).getText()`). pdf.js starts its worker
 * with a dynamic `import()`, which Jest's module sandbox refuses, so pdf-parse runs in a plain Node process.
 */
const SCRIPT = `
const { PDFParse } = require(process.argv[1]);
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    const text = await parser.getText();
    process.stdout.write(JSON.stringify({ text: text.text, pages: text.total }));
  } finally {
    await parser.destroy();
  }
});
`;

export function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', SCRIPT, require.resolve('pdf-parse')]);
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`pdf-parse exited with ${code}: ${err}`));
      const parsed = JSON.parse(out) as { text: string; pages: number };
      resolve({ ...parsed, text: parsed.text.replace(/\s+/g, ' ') });
    });
    child.stdin.end(pdf);
  });
}
