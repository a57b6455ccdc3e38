package ephyzip.cli;

import ephyzip.format.InputKind;
import ephyzip.format.WavFile;
import ephyzip.io.BadInputException;
import ephyzip.stream.StreamHeader;
import ephyzip.stream.StreamReader;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code decode --from T --to T --channels LIST}: a time range and a subset of channels, decoded
 * from the restart point before the range (not from the start) and written as a WAV or flat file
 * of just those samples. Times are seconds ({@code 12.5}, {@code 12.5s}) or samples
 * ({@code 250000samples}); channels are numbered from 0 ({@code 0,3,8-15}).
 */
final class SampleRange {
    private final String from;
    private final String to;
    private final String channels;

    SampleRange(String from, String to, String channels) {
        this.from = from;
        this.to = to;
        this.channels = channels;
    }

    boolean any() {
        return from != null || to != null || channels != null;
    }

    /** A time as a sample index: seconds at {@code rate}, or samples with the suffix. */
    static long samples(String spec, double rate, String option) throws UsageException {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        try {
            for (String suffix : new String[] {"samples", "sample", "sa"}) {
                if (s.endsWith(suffix)) {
                    long n = Long.parseLong(s.substring(0, s.length() - suffix.length()).trim());
                    if (n < 0) {
                        throw new UsageException(option + " " + spec + ": a time cannot be negative");
                    }
                    return n;
                }
            }
            double seconds = Double.parseDouble(s.endsWith("s") ? s.substring(0, s.length() - 1) : s);
            if (!(seconds >= 0 && seconds < 1e12)) {
                throw new UsageException(option + " " + spec + ": a time cannot be negative");
            }
            if (!(rate > 0)) {
                throw new UsageException(option + " " + spec + ": the stream does not state its sample rate;"
                        + " give the time in samples (e.g. 250000samples)");
            }
            return (long) Math.floor(seconds * rate + 1e-9);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " " + spec + ": not a time (seconds such as 12.5, or samples such as"
                    + " 250000samples)");
        }
    }

    /** Channel numbers from a list such as {@code 0,3,8-15}, each below {@code count}, in the order given. */
    static int[] channels(String list, int count) throws UsageException {
        if (list == null) {
            int[] all = new int[count];
            for (int c = 0; c < count; c++) {
                all[c] = c;
            }
            return all;
        }
        List<Integer> out = new ArrayList<>();
        for (String part : list.split(",")) {
            String p = part.trim();
            try {
                int dash = p.indexOf('-', 1);
                int a = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).trim());
                int b = dash < 0 ? a : Integer.parseInt(p.substring(dash + 1).trim());
                if (a < 0 || b < a || b >= count) {
                    throw new UsageException("--channels " + list + ": " + p + " is not within channels 0 to "
                            + (count - 1));
                }
                for (int c = a; c <= b; c++) {
                    out.add(c);
                }
            } catch (NumberFormatException e) {
                throw new UsageException("--channels " + list + ": " + p + " is not a channel number or range");
            }
            if (out.size() > StreamHeader.MAX_CHANNELS) {
                throw new UsageException("--channels " + list + ": more than " + StreamHeader.MAX_CHANNELS + " channels");
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Writes the range of {@code r}'s stream (opened, nothing read beyond its header) to
     * {@code out}: a canonical WAV file when {@code wav}, else interleaved 16-bit little-endian samples.
     */
    void write(StreamReader r, OutputStream out, boolean wav) throws IOException, BadInputException, UsageException {
        StreamHeader h = r.header();
        double rate = h.rate() > 0 || h.kind() != InputKind.WAV ? h.rate() : WavFile.rateOf(h.sourceHeader());
        long n = h.samplesPerChannel();
        long start = from == null ? 0 : samples(from, rate, "--from");
        long end = to == null ? n : Math.min(n, samples(to, rate, "--to"));
        if (start > n) {
            throw new UsageException("--from " + from + " is after the recording's end (" + n + " samples"
                    + (rate > 0 ? String.format(Locale.ROOT, ", %.3f s", n / rate) : "") + ")");
        }
        if (end < start) {
            throw new UsageException("--to " + to + " is before --from " + from);
        }
        int[] chans = channels(channels, h.channels());
        long dataBytes = 2 * (end - start) * chans.length;
        if (wav) {
            if (dataBytes > StreamHeader.MAX_DATA_BYTES) {
                throw new UsageException("the range holds more samples than a WAV file can (" + dataBytes
                        + " bytes); write a flat file or take a shorter range");
            }
            out.write(WavFile.canonicalHeader((int) Math.min(Integer.MAX_VALUE, Math.round(rate)), chans.length,
                    dataBytes));
        }
        int c = h.channels();
        int l = h.frameLength();
        if (channels != null) {
            r.onlyChannels(chans); // segments without a wanted channel are skipped, not decoded
        }
        r.seekFrame(start / l);
        byte[] buf = new byte[1 << 16];
        int k = 0;
        for (long pos = start / l * l; pos < end; ) {
            short[] frame = r.nextFrame();
            int samples = h.frameSamples(pos / l);
            int i0 = (int) Math.max(0, start - pos);
            int i1 = (int) Math.min(samples, end - pos);
            for (int i = i0; i < i1; i++) {
                for (int ch : chans) {
                    short v = frame[i * c + ch];
                    buf[k++] = (byte) v;
                    buf[k++] = (byte) (v >> 8);
                    if (k == buf.length) {
                        out.write(buf, 0, k);
                        k = 0;
                    }
                }
            }
            pos += samples;
        }
        out.write(buf, 0, k);
    }
}
