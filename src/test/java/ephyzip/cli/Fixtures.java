package ephyzip.cli;

import ephyzip.TestModels;
import ephyzip.format.WavFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Recordings in the formats labs record in, built from the bundled WAVs (channel c from file c mod 6). */
public final class Fixtures {
    private Fixtures() {
    }

    /** {@code channels} interleaved 16-bit little-endian channels of {@code samples} samples each. */
    public static byte[] interleaved(int channels, int samples) throws Exception {
        List<Path> files = TestModels.dataFiles();
        short[][] src = new short[files.size()][];
        for (int i = 0; i < files.size(); i++) {
            src[i] = WavFile.parse("f", Files.readAllBytes(files.get(i))).samples();
        }
        ByteBuffer b = ByteBuffer.allocate(2 * channels * samples).order(ByteOrder.LITTLE_ENDIAN);
        for (int t = 0; t < samples; t++) {
            for (int c = 0; c < channels; c++) {
                short[] s = src[c % src.length];
                b.putShort(s[(t + 997 * (c / src.length)) % s.length]);
            }
        }
        return b.array();
    }

    /** A WAV of {@code channels} channels built the same way. */
    public static byte[] wav(int channels, int samples) throws Exception {
        byte[] data = interleaved(channels, samples);
        short[] s = new short[data.length / 2];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
        return WavFile.of(30000, channels, s).toBytes();
    }

    /** A SpikeGLX pair NAME.bin + NAME.meta in {@code dir}; returns the .bin. */
    public static Path spikeGlx(Path dir, String name, int channels, int samples) throws Exception {
        Path bin = dir.resolve(name + ".bin");
        byte[] data = interleaved(channels, samples);
        Files.write(bin, data);
        Files.writeString(dir.resolve(name + ".meta"), String.join("\n",
                "acqApLfSy=384,384,1", "appVersion=20230101", "fileCreateTime=2026-11-24T06:00:00",
                "fileSizeBytes=" + data.length, "imSampRate=30000.125", "nSavedChans=" + channels,
                "snsApLfSy=" + (channels - 1) + ",0,1", "typeThis=imec", "~snsChanMap=(8,8,1)(AP0;0:0)", ""));
        return bin;
    }

    /** An Open Ephys recording folder in {@code dir}; returns its continuous.dat. */
    public static Path openEphys(Path dir, int channels, int samples) throws Exception {
        Path recording = dir.resolve("Record Node 101/experiment1/recording1");
        Path stream = recording.resolve("continuous/Acquisition_Board-100.Rhythm Data");
        Files.createDirectories(stream);
        Path dat = stream.resolve("continuous.dat");
        Files.write(dat, interleaved(channels, samples));
        Files.write(stream.resolve("sample_numbers.npy"), new byte[] {1, 2, 3});
        Files.writeString(recording.resolve("structure.oebin"), """
                {
                  "GUI version": "0.6.7",
                  "continuous": [
                    {"folder_name": "Other-102.0/", "sample_rate": 1000.0, "num_channels": 3},
                    {"folder_name": "Acquisition_Board-100.Rhythm Data/", "sample_rate": 30000.0,
                     "source_processor_name": "Acquisition Board", "num_channels": %d,
                     "channels": [{"channel_name": "CH1", "bit_volts": 0.195, "units": "uV"}]}
                  ],
                  "events": [], "spikes": []
                }
                """.formatted(channels));
        return dat;
    }
}
