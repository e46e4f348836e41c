using System.Buffers.Binary;
using System.IO.Compression;

namespace AccountCoachBot.Tests.TestSupport;

/// <summary>A minimal PNG reader for tests: IHDR facts and, for 8-bit non-interlaced images, the RGBA pixels.</summary>
public sealed class PngImage
{
    public required int Width { get; init; }
    public required int Height { get; init; }
    public required int BitDepth { get; init; }
    public required int ColorType { get; init; }
    public required int Interlace { get; init; }
    public bool HasTransparencyChunk { get; init; }

    /// <summary>RGBA, 4 bytes per pixel, row by row.</summary>
    public byte[]? Pixels { get; init; }

    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static PngImage Read(byte[] bytes)
    {
        if (bytes.Length < 33 || !bytes.AsSpan(0, 8).SequenceEqual(Signature)) throw new InvalidDataException("not a PNG");
        int pos = 8, width = 0, height = 0, depth = 0, colorType = 0, interlace = 0;
        bool trns = false, first = true;
        using var idat = new MemoryStream();
        while (pos + 8 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(bytes, pos + 4, 4);
            var data = bytes.AsSpan(pos + 8, length);
            if (first && type != "IHDR") throw new InvalidDataException("the first chunk is not IHDR");
            first = false;
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    depth = data[8];
                    colorType = data[9];
                    interlace = data[12];
                    break;
                case "tRNS":
                    trns = true;
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }
            pos += 12 + length;
            if (type == "IEND") break;
        }

        byte[]? pixels = null;
        var channels = colorType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => 0 };
        if (depth == 8 && interlace == 0 && channels > 0)
        {
            idat.Position = 0;
            using var z = new ZLibStream(idat, CompressionMode.Decompress);
            using var raw = new MemoryStream();
            z.CopyTo(raw);
            pixels = Unfilter(raw.ToArray(), width, height, channels);
        }

        return new PngImage
        {
            Width = width, Height = height, BitDepth = depth, ColorType = colorType, Interlace = interlace,
            HasTransparencyChunk = trns, Pixels = pixels,
        };
    }

    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var i = (y * Width + x) * 4;
        return (Pixels![i], Pixels[i + 1], Pixels[i + 2], Pixels[i + 3]);
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int channels)
    {
        var stride = width * channels;
        var current = new byte[stride];
        var previous = new byte[stride];
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Array.Copy(raw, y * (stride + 1) + 1, current, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? current[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                current[i] = (byte)(current[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"bad filter {filter}"),
                });
            }
            for (var x = 0; x < width; x++)
            {
                var o = (y * width + x) * 4;
                var s = x * channels;
                switch (channels)
                {
                    case 1: rgba[o] = rgba[o + 1] = rgba[o + 2] = current[s]; rgba[o + 3] = 255; break;
                    case 2: rgba[o] = rgba[o + 1] = rgba[o + 2] = current[s]; rgba[o + 3] = current[s + 1]; break;
                    case 3: rgba[o] = current[s]; rgba[o + 1] = current[s + 1]; rgba[o + 2] = current[s + 2]; rgba[o + 3] = 255; break;
                    default: Array.Copy(current, s, rgba, o, 4); break;
                }
            }
            (previous, current) = (current, previous);
        }
        return rgba;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
