"""Pure-Python image decoders (numpy + zlib): PNG, BMP and GIF, as TF's kernels decode them.

Each returns a ``[height, width, channels]`` array (GIF: ``[frames, height, width, 3]``) of
the file's own channels; the op layer converts channels. Malformed files raise
``InvalidArgumentError``.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

from tfcompat.framework import errors

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _invalid(message: str) -> errors.InvalidArgumentError:
    return errors.InvalidArgumentError(None, None, message)


# ---- PNG --------------------------------------------------------------------------------------

_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
          (0, 1, 1, 2))


def _unfilter(data: bytes, rows: int, row_bytes: int, bpp: int) -> np.ndarray:
    out = np.zeros((rows, row_bytes), dtype=np.uint8)
    prev = np.zeros(row_bytes, dtype=np.int32)
    pos = 0
    for r in range(rows):
        kind = data[pos]
        line = np.frombuffer(data, dtype=np.uint8, count=row_bytes, offset=pos + 1).astype(
            np.int32)
        pos += row_bytes + 1
        if kind == 0:
            cur = line
        elif kind == 2:
            cur = (line + prev) & 0xFF
        elif kind in (1, 3, 4):
            cur = line.copy()
            for i in range(row_bytes):
                left = cur[i - bpp] if i >= bpp else 0
                up = prev[i]
                if kind == 1:
                    pred = left
                elif kind == 3:
                    pred = (left + up) >> 1
                else:
                    upleft = prev[i - bpp] if i >= bpp else 0
                    p = left + up - upleft
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - upleft)
                    pred = left if pa <= pb and pa <= pc else (up if pb <= pc else upleft)
                cur[i] = (cur[i] + pred) & 0xFF
        else:
            raise _invalid(f"Invalid PNG data, size {len(data)}")
        out[r] = cur
        prev = cur
    return out


def _unpack_samples(rows: np.ndarray, width: int, channels: int, depth: int) -> np.ndarray:
    if depth == 16:
        return rows.reshape(rows.shape[0], -1).view(">u2")[:, :width * channels].astype(
            np.uint16).reshape(rows.shape[0], width, channels)
    if depth == 8:
        return rows[:, :width * channels].reshape(rows.shape[0], width, channels)
    bits = np.unpackbits(rows, axis=1)
    per = bits[:, :width * channels * depth].reshape(rows.shape[0], width * channels, depth)
    weights = 1 << np.arange(depth - 1, -1, -1)
    return (per * weights).sum(axis=2).astype(np.uint8).reshape(rows.shape[0], width, channels)


def decode_png(data: bytes) -> tuple[np.ndarray, int, np.ndarray | None, object]:
    """(samples, bit depth, palette or None, transparency) of a PNG file."""
    if not data.startswith(PNG_SIGNATURE):
        raise _invalid("Invalid PNG header, data size " + str(len(data)))
    pos = 8
    header = None
    palette = None
    transparency = None
    idat = []
    while pos + 8 <= len(data):
        length, kind = struct.unpack_from(">I4s", data, pos)
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = np.frombuffer(body, dtype=np.uint8).reshape(-1, 3)
        elif kind == b"tRNS":
            transparency = body
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    if header is None:
        raise _invalid("Invalid PNG header, data size " + str(len(data)))
    width, height, depth, color, _, _, interlace = header
    channels = _PNG_CHANNELS[color]
    try:
        raw = zlib.decompress(b"".join(idat))
    except zlib.error:
        raise _invalid("Invalid PNG data, size " + str(len(data))) from None
    bpp = max(1, channels * depth // 8)
    if not interlace:
        row_bytes = (width * channels * depth + 7) // 8
        rows = _unfilter(raw, height, row_bytes, bpp)
        samples = _unpack_samples(rows, width, channels, depth)
    else:
        samples = np.zeros((height, width, channels),
                           dtype=np.uint16 if depth == 16 else np.uint8)
        offset = 0
        for x0, y0, dx, dy in _ADAM7:
            w = (width - x0 + dx - 1) // dx if width > x0 else 0
            h = (height - y0 + dy - 1) // dy if height > y0 else 0
            if not w or not h:
                continue
            row_bytes = (w * channels * depth + 7) // 8
            size = h * (row_bytes + 1)
            rows = _unfilter(raw[offset:offset + size], h, row_bytes, bpp)
            offset += size
            samples[y0::dy, x0::dx] = _unpack_samples(rows, w, channels, depth)
    return samples, depth, (palette if color == 3 else None), (color, transparency)


def png_to_channels(samples, depth, palette, color_info, want: int, dtype) -> np.ndarray:
    """Converts decoded PNG samples to ``want`` channels (0: the file's) of ``dtype``."""
    color, transparency = color_info
    if palette is not None:
        rgb = palette[samples[..., 0]]
        if transparency is not None:
            alpha = np.full(len(palette), 255, dtype=np.uint8)
            t = np.frombuffer(transparency, dtype=np.uint8)
            alpha[:len(t)] = t
            samples = np.concatenate([rgb, alpha[samples[..., 0]][..., None]], axis=-1)
        else:
            samples = rgb
        depth = 8
    elif depth < 8:
        samples = (samples.astype(np.uint16) * (255 // ((1 << depth) - 1))).astype(np.uint8)
        depth = 8
    if dtype == np.uint8 and depth == 16:
        samples = (samples >> 8).astype(np.uint8)
    elif dtype == np.uint16 and depth == 8:
        samples = samples.astype(np.uint16) * 257
    samples = samples.astype(dtype)
    have = samples.shape[-1]
    if want in (0, have):
        return samples
    top = np.iinfo(dtype).max
    if have in (1, 2):
        gray = samples[..., :1]
        alpha = samples[..., 1:2] if have == 2 else np.full_like(gray, top)
    else:
        # RGB to gray as TF asks libpng to (weights 0.299, 0.587 in 1/32768 fixed point,
        # truncated); equal components stay exact.
        rgb = samples[..., :3].astype(np.int64)
        weighted = (9797 * rgb[..., 0] + 19235 * rgb[..., 1] + 3736 * rgb[..., 2]) >> 15
        flat = (rgb[..., 0] == rgb[..., 1]) & (rgb[..., 1] == rgb[..., 2])
        gray = np.where(flat, rgb[..., 0], weighted).astype(dtype)[..., None]
        alpha = samples[..., 3:4] if have == 4 else np.full_like(gray, top)
    if want == 1:
        return gray
    if want == 2:
        return np.concatenate([gray, alpha], axis=-1)
    color3 = samples[..., :3] if have >= 3 else np.repeat(gray, 3, axis=-1)
    if want == 3:
        return color3
    return np.concatenate([color3, alpha], axis=-1)


# ---- BMP --------------------------------------------------------------------------------------

def decode_bmp(data: bytes) -> np.ndarray:
    """RGB(A) pixels of an uncompressed 24- or 32-bit (or 8-bit gray) BMP."""
    if len(data) < 54 or data[:2] != b"BM":
        raise _invalid("Malformed BMP file: not enough data to read header") if len(data) < 54 \
            else _invalid("Malformed BMP file: not a BMP image")
    offset = struct.unpack_from("<I", data, 10)[0]
    width, height = struct.unpack_from("<ii", data, 18)
    bpp = struct.unpack_from("<H", data, 28)[0]
    if bpp not in (8, 24, 32):
        raise _invalid(f"Unsupported BMP bits per pixel: {bpp}")
    channels = bpp // 8
    top_down = height < 0
    height = abs(height)
    row_size = ((channels * width + 3) // 4) * 4
    rows = np.frombuffer(data, dtype=np.uint8, count=row_size * height, offset=offset)
    pixels = rows.reshape(height, row_size)[:, :width * channels].reshape(height, width,
                                                                          channels)
    if not top_down:
        pixels = pixels[::-1]
    if channels >= 3:
        pixels = np.concatenate([pixels[..., 2::-1], pixels[..., 3:]], axis=-1)
    return np.ascontiguousarray(pixels)


# ---- GIF --------------------------------------------------------------------------------------

def _lzw_decode(data: bytes, min_code_size: int, count: int) -> np.ndarray:
    clear = 1 << min_code_size
    end = clear + 1
    out = bytearray()
    size = min_code_size + 1
    table: list[bytes] = [bytes([i]) for i in range(clear)] + [b"", b""]
    prev: bytes | None = None
    bit_buffer = 0
    bits = 0
    for byte in data:
        bit_buffer |= byte << bits
        bits += 8
        while bits >= size:
            code = bit_buffer & ((1 << size) - 1)
            bit_buffer >>= size
            bits -= size
            if code == clear:
                size = min_code_size + 1
                table = table[:clear + 2]
                prev = None
                continue
            if code == end:
                return np.frombuffer(bytes(out[:count]), dtype=np.uint8)
            if code < len(table):
                entry = table[code]
                if prev is not None:
                    table.append(prev + entry[:1])
            elif prev is not None:
                entry = prev + prev[:1]
                table.append(entry)
            else:
                raise _invalid("Invalid GIF data (code out of range)")
            out += entry
            prev = entry
            if len(table) == (1 << size) and size < 12:
                size += 1
    return np.frombuffer(bytes(out[:count]), dtype=np.uint8)


def _sub_blocks(data: bytes, pos: int) -> tuple[bytes, int]:
    chunks = []
    while True:
        n = data[pos]
        pos += 1
        if n == 0:
            return b"".join(chunks), pos
        chunks.append(data[pos:pos + n])
        pos += n


def decode_gif(data: bytes) -> np.ndarray:
    """``[frames, height, width, 3]`` RGB frames; each frame is drawn over the previous."""
    if data[:6] not in (b"GIF87a", b"GIF89a"):
        raise _invalid("Failed to decode gif: not a GIF image")
    width, height, flags = struct.unpack_from("<HHB", data, 6)
    pos = 13
    global_palette = None
    if flags & 0x80:
        n = 2 << (flags & 7)
        global_palette = np.frombuffer(data, dtype=np.uint8, count=3 * n, offset=pos).reshape(
            n, 3)
        pos += 3 * n
    frames = []
    canvas = np.zeros((height, width, 3), dtype=np.uint8)
    transparent = None
    while pos < len(data):
        kind = data[pos]
        pos += 1
        if kind == 0x3B:
            break
        if kind == 0x21:
            label = data[pos]
            block, pos = _sub_blocks(data, pos + 1)
            if label == 0xF9 and len(block) >= 4:
                transparent = block[3] if block[0] & 1 else None
            continue
        if kind != 0x2C:
            raise _invalid("Failed to decode gif: unexpected block")
        left, top, w, h, iflags = struct.unpack_from("<HHHHB", data, pos)
        pos += 9
        palette = global_palette
        if iflags & 0x80:
            n = 2 << (iflags & 7)
            palette = np.frombuffer(data, dtype=np.uint8, count=3 * n, offset=pos).reshape(n, 3)
            pos += 3 * n
        min_code = data[pos]
        block, pos = _sub_blocks(data, pos + 1)
        indices = _lzw_decode(block, min_code, w * h)
        if len(indices) < w * h:
            indices = np.concatenate([indices, np.zeros(w * h - len(indices), np.uint8)])
        indices = indices.reshape(h, w)
        if iflags & 0x40:  # interlaced rows: groups every 8, 8 (from 4), 4 (from 2), 2 (from 1)
            order = (list(range(0, h, 8)) + list(range(4, h, 8)) + list(range(2, h, 4))
                     + list(range(1, h, 2)))
            deinterlaced = np.empty_like(indices)
            deinterlaced[order] = indices
            indices = deinterlaced
        frame = canvas.copy()
        region = frame[top:top + h, left:left + w]
        colors = palette[indices[:region.shape[0], :region.shape[1]]]
        if transparent is not None:
            keep = indices[:region.shape[0], :region.shape[1]] != transparent
            region[keep] = colors[keep]
        else:
            region[...] = colors
        frames.append(frame)
        canvas = frame
        transparent = None
    if not frames:
        raise _invalid("Failed to decode gif: no frames")
    return np.stack(frames)

