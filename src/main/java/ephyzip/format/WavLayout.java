package ephyzip.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Where the samples lie in a RIFF/WAVE file, after checking that it is 16-bit PCM. Parsed from
 * the first bytes of the file (everything up to the samples must lie within them), so a long
 * recording need not be read whole.
 */
record WavLayout(int dataOffset, long dataLength, int sampleRate, int channels) {
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    /** Samples per channel (WAV sample frames). */
    long samplesPerChannel() {
        return dataLength / (2L * channels);
    }

    /**
     * {@code prefix}: the first bytes of the file (all of it, or at least {@link WavFile#MAX_EXTRA_BYTES}
     * + 8); {@code fileLength}: the length of the whole file.
     */
    static WavLayout read(String name, byte[] prefix, long fileLength) throws WavFormatException {
        ByteBuffer b = ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN);
        if (prefix.length < 12 || !tag(prefix, 0).equals("RIFF") || !tag(prefix, 8).equals("WAVE")) {
            throw new WavFormatException(name + ": not a RIFF/WAVE file");
        }
        int channels = 0;
        int sampleRate = 0;
        long pos = 12;
        while (pos + 8 <= prefix.length) {
            String id = tag(prefix, (int) pos);
            long size = b.getInt((int) pos + 4) & 0xFFFFFFFFL;
            long body = pos + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + 16 > prefix.length || body + size > fileLength) {
                    throw new WavFormatException(name + ": truncated fmt chunk");
                }
                int at = (int) body;
                int format = b.getShort(at) & 0xFFFF;
                channels = b.getShort(at + 2) & 0xFFFF;
                sampleRate = b.getInt(at + 4);
                int bits = b.getShort(at + 14) & 0xFFFF;
                if (format == FORMAT_EXTENSIBLE && size >= 40 && body + 26 <= prefix.length) {
                    format = b.getShort(at + 24) & 0xFFFF; // first two bytes of the sub-format GUID
                }
                if (format != FORMAT_PCM) {
                    throw new WavFormatException(name + ": audio format " + format
                            + " is not PCM (only 16-bit PCM is supported)");
                }
                if (bits != 16) {
                    throw new WavFormatException(name + ": " + bits + "-bit samples; only 16-bit PCM is supported");
                }
                if (channels == 0) {
                    throw new WavFormatException(name + ": fmt chunk declares 0 channels");
                }
            } else if (id.equals("data")) {
                if (channels == 0) {
                    throw new WavFormatException(name + ": data chunk before the fmt chunk");
                }
                if (body + size > fileLength) {
                    throw new WavFormatException(name + ": data chunk declares " + size
                            + " bytes but the file has only " + (fileLength - body) + " after its header");
                }
                if (size % (2L * channels) != 0) {
                    throw new WavFormatException(name + ": data chunk of " + size + " bytes is not a whole number"
                            + " of 16-bit samples for " + channels + " channel" + (channels == 1 ? "" : "s"));
                }
                return new WavLayout((int) body, size, sampleRate, channels);
            }
            long next = body + size + (size & 1); // chunks are padded to even length
            if (next > fileLength) {
                throw new WavFormatException(name + ": chunk '" + id + "' runs past the end of the file");
            }
            pos = next;
        }
        if (prefix.length < fileLength) {
            throw new WavFormatException(name + ": more than " + WavFile.MAX_EXTRA_BYTES
                    + " bytes before the samples; not supported");
        }
        throw new WavFormatException(name + (channels != 0 ? ": no data chunk" : ": no fmt chunk"));
    }

    private static String tag(byte[] bytes, int pos) {
        return new String(bytes, pos, 4, StandardCharsets.ISO_8859_1);
    }
}
