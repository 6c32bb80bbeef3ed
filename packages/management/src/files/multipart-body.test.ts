import { describe, expect, it } from 'vitest';
import { multipartBody } from './multipart-body.js';

describe('multipartBody', () => {
  it('wraps the content in one part named file that a standard parser reads back', async () => {
    const content = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('hello '));
        controller.enqueue(new TextEncoder().encode('world'));
        controller.close();
      },
    });
    const { body, contentType } = multipartBody(content, 'a "quoted" name.txt');
    const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    const file = form.get('file') as File;
    expect(await file.text()).toBe('hello world');
    expect(file.name).toBe('a _quoted_ name.txt');
  });
});
