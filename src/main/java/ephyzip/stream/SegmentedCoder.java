package ephyzip.stream;

import ephyzip.io.CorruptStreamException;
import ephyzip.io.Varint;
import ephyzip.model.Alphabet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A frame's channels in segments of {@code segmentChannels}, each coded by a coder of its own that
 * starts fresh and is flushed at the segment's end, so that segments code and decode on different
 * cores. The payload: the byte lengths of all segments but the last (varints), then the segments
 * in channel order. The bytes depend on the segment size, never on the thread count.
 */
final class SegmentedCoder implements PayloadCoder {
    private final PayloadCoder inner;
    private final int segmentChannels;
    /** Where segments run; null: one after another on the caller's thread. */
    private final ExecutorService pool;

    SegmentedCoder(PayloadCoder inner, int segmentChannels, ExecutorService pool) {
        this.inner = inner;
        this.segmentChannels = segmentChannels;
        this.pool = pool;
    }

    /** {@code inner} itself when a frame has one segment. */
    static PayloadCoder of(PayloadCoder inner, StreamHeader h, ExecutorService pool) {
        return h.segments() == 1 ? inner : new SegmentedCoder(inner, h.segmentChannels(), pool);
    }

    private interface Job<T> {
        T run(int segment) throws CorruptStreamException;
    }

    /**
     * Whether a segment has run in this process yet. The first runs alone, before the others are
     * handed to the pool: until the JIT has compiled the coder (some ten thousand samples), each
     * thread that codes runs interpreted, so two threads at the start cost twice the slow work
     * while the compiler waits for a core; one leaves it the other.
     */
    private static final AtomicBoolean WARM = new AtomicBoolean();

    /** Runs {@code job} for every segment, in parallel where a pool is given; the first failure in segment order wins. */
    private <T> List<T> each(int segments, Job<T> job) throws CorruptStreamException {
        List<T> out = new ArrayList<>();
        if (pool == null) {
            for (int g = 0; g < segments; g++) {
                out.add(job.run(g));
            }
            return out;
        }
        int first = 0;
        if (!WARM.getAndSet(true)) {
            out.add(job.run(0));
            first = 1;
        }
        List<Future<T>> fs = new ArrayList<>();
        for (int g = first; g < segments; g++) {
            int seg = g;
            fs.add(pool.submit(() -> job.run(seg)));
        }
        for (Future<T> f : fs) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof CorruptStreamException c) {
                    throw c;
                }
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    @Override
    public byte[] encodeFrame(ChannelPredictors predictors, Alphabet alphabet, short[][] samples, int n) {
        int channels = predictors.channels();
        int segments = (channels + segmentChannels - 1) / segmentChannels;
        List<byte[]> parts;
        try {
            parts = each(segments, g -> {
                int from = g * segmentChannels;
                int to = Math.min(channels, from + segmentChannels);
                return inner.encodeFrame(predictors.range(from, to), alphabet, Arrays.copyOfRange(samples, from, to), n);
            });
        } catch (CorruptStreamException e) {
            throw new IllegalStateException(e); // encoding reads no stream
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (int g = 0; g + 1 < segments; g++) {
                Varint.write(out, parts.get(g).length);
            }
            for (byte[] p : parts) {
                out.write(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void decodeFrame(ChannelPredictors predictors, Alphabet alphabet, byte[] payload, long payloadOffset,
                            short[][] out, int n) throws CorruptStreamException {
        int channels = predictors.channels();
        int segments = (channels + segmentChannels - 1) / segmentChannels;
        int[] start = new int[segments + 1];
        ByteArrayInputStream in = new ByteArrayInputStream(payload);
        long pos = 0;
        long[] length = new long[segments];
        try {
            for (int g = 0; g + 1 < segments; g++) {
                length[g] = Varint.read(in, 5, payloadOffset + pos, "segment length");
                pos += Varint.size(length[g]);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e); // in memory: cannot happen
        }
        long at = pos;
        for (int g = 0; g < segments; g++) {
            start[g] = (int) Math.min(at, payload.length + 1L);
            at += g + 1 < segments ? length[g] : 0;
            if (at > payload.length) {
                throw new CorruptStreamException("segment " + g + " runs past its frame", payloadOffset + pos);
            }
        }
        start[segments] = payload.length;
        each(segments, g -> {
            int from = g * segmentChannels;
            int to = Math.min(channels, from + segmentChannels);
            if (!predictors.wantsAny(from, to)) {
                return null; // a reader of other channels: this segment's samples are left as they were
            }
            byte[] part = Arrays.copyOfRange(payload, start[g], start[g + 1]);
            inner.decodeFrame(predictors.range(from, to), alphabet, part, payloadOffset + start[g],
                    Arrays.copyOfRange(out, from, to), n);
            return null;
        });
    }
}
