// Runs the reference ThumbHash (npm thumbhash@0.1.1, by the format's author) over raw RGBA
// files: argv holds "file:width:height" items; one JSON line per item on stdout.
import { readFileSync } from 'node:fs';
import { rgbaToThumbHash, thumbHashToAverageRGBA, thumbHashToRGBA } from 'thumbhash';

for (const item of process.argv.slice(2)) {
  const [file, w, h] = item.split(':');
  const hash = rgbaToThumbHash(Number(w), Number(h), new Uint8Array(readFileSync(file)));
  const average = thumbHashToAverageRGBA(hash);
  const image = thumbHashToRGBA(hash);
  const mean = [0, 0, 0];
  for (let i = 0; i < image.rgba.length; i += 4) for (let c = 0; c < 3; c++) mean[c] += image.rgba[i + c];
  console.log(JSON.stringify({
    hash: Buffer.from(hash).toString('base64'),
    average: [average.r * 255, average.g * 255, average.b * 255],
    decodedMean: mean.map(v => v / (image.w * image.h)),
  }));
}
