package ephyzip.compare;

import ephyzip.Codec;
import ephyzip.coding.CoderKind;
import ephyzip.model.ModelFile;
import ephyzip.wav.WavFile;

/** ephyzip with one model and one coder. */
public final class EphyzipContender implements Contender {
    private final String name;
    private final Codec codec;
    private final CoderKind coder;

    public EphyzipContender(String modelName, ModelFile model, CoderKind coder) {
        this.name = modelName + "/" + coder.label();
        this.codec = new Codec(model);
        this.coder = coder;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long modelBytes() {
        return codec.modelFile().byteCount();
    }

    @Override
    public byte[] compress(byte[] file) throws Exception {
        return codec.encode(WavFile.parse("input", file), coder);
    }

    @Override
    public byte[] decompress(byte[] compressed) throws Exception {
        return codec.decode(compressed).toBytes();
    }
}
