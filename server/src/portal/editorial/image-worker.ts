// Resizes one uploaded image in a process of its own (see image-run.ts): decoding and encoding in pure
// JavaScript takes seconds for a camera photo on a small machine, which on the hall server's event loop would
// stall every tablet. The image is decoded, turned upright by its EXIF orientation, scaled to fit the portal's
// maximum, and encoded again, which leaves the camera's metadata (EXIF, GPS position, maker notes) behind.
import { Jimp } from 'jimp';
import { PORTAL_IMAGE_MAX_SIDE } from '@hddt/protocol';
import type { ImageJob, ImageResult } from './image-run';

async function resize(job: ImageJob): Promise<ImageResult> {
  try {
    const image = await Jimp.read(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength));
    if (image.width > PORTAL_IMAGE_MAX_SIDE || image.height > PORTAL_IMAGE_MAX_SIDE) image.scaleToFit({ w: PORTAL_IMAGE_MAX_SIDE, h: PORTAL_IMAGE_MAX_SIDE });
    const bytes = job.type === 'image/png' ? await image.getBuffer('image/png') : await image.getBuffer('image/jpeg', { quality: 85 });
    return { ok: true, bytes: new Uint8Array(bytes), width: image.width, height: image.height };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

process.once('message', (job: ImageJob) => {
  void resize(job).then((result) => process.send!(result, () => process.exit(0)));
});
