package ephyzip.wav;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Where the samples lie in a RIFF/WAVE file, after checking that it is 16-bit PCM mono. */
record WavLayout(int dataOffset, int dataLength, int sampleRate) {
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    static WavLayout read(String name, byte[] bytes) throws WavFormatException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || !tag(bytes, 0).equals("RIFF") || !tag(bytes, 8).equals("WAVE")) {
            throw new WavFormatException(name + ": not a RIFF/WAVE file");
        }
        boolean haveFmt = false;
        int sampleRate = 0;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            String id = tag(bytes, pos);
            long size = b.getInt(pos + 4) & 0xFFFFFFFFL;
            int body = pos + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + size > bytes.length) {
                    throw new WavFormatException(name + ": truncated fmt chunk");
                }
                int format = b.getShort(body) & 0xFFFF;
                int channels = b.getShort(body + 2) & 0xFFFF;
                sampleRate = b.getInt(body + 4);
                int bits = b.getShort(body + 14) & 0xFFFF;
                if (format == FORMAT_EXTENSIBLE && size >= 40) {
                    format = b.getShort(body + 24) & 0xFFFF; // first two bytes of the sub-format GUID
                }
                if (format != FORMAT_PCM) {
                    throw new WavFormatException(name + ": audio format " + format
                            + " is not PCM (only 16-bit PCM is supported)");
                }
                if (bits != 16) {
                    throw new WavFormatException(name + ": " + bits + "-bit samples; only 16-bit PCM is supported");
                }
                if (channels != 1) {
                    throw new WavFormatException(name + ": " + channels + " channels; only mono is supported");
                }
                haveFmt = true;
            } else if (id.equals("data")) {
                if (!haveFmt) {
                    throw new WavFormatException(name + ": data chunk before the fmt chunk");
                }
                if (body + size > bytes.length) {
                    throw new WavFormatException(name + ": data chunk declares " + size
                            + " bytes but the file has only " + (bytes.length - body) + " after its header");
                }
                if (size % 2 != 0) {
                    throw new WavFormatException(name + ": data chunk of odd length " + size
                            + " cannot hold 16-bit samples");
                }
                return new WavLayout(body, (int) size, sampleRate);
            }
            long next = body + size + (size & 1); // chunks are padded to even length
            if (next > bytes.length) {
                throw new WavFormatException(name + ": chunk '" + id + "' runs past the end of the file");
            }
            pos = (int) next;
        }
        throw new WavFormatException(name + (haveFmt ? ": no data chunk" : ": no fmt chunk"));
    }

    private static String tag(byte[] bytes, int pos) {
        return new String(bytes, pos, 4, StandardCharsets.ISO_8859_1);
    }
}
