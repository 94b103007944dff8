package jp.shinchoku.embedded.store;

import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * One change to one document or collection, as the journal and the snapshots keep it: the document's whole image
 * after the change (so that applying a change twice, or over a snapshot that already holds it, gives the same
 * state), in BSON.
 */
sealed interface Change {

    /** {@code database.collection} */
    String namespace();

    /** The document as it is now; {@code idField} is null for a collection whose documents have no key. */
    record Put(String namespace, String idField, Document document) implements Change {
    }

    /** The document is gone: by its key, or (no key) by its whole content. */
    record Delete(String namespace, Object id, Document document) implements Change {
    }

    /** The collection and everything in it is gone. */
    record Drop(String namespace) implements Change {
    }

    /** The collection has a new name (its documents go with it). */
    record Rename(String namespace, String to) implements Change {
    }

    default byte[] encode() {
        Document record = switch (this) {
            case Put put -> new Document("o", "p").append("n", put.namespace())
                    .append("i", put.idField()).append("d", put.document());
            case Delete delete -> delete.id() != null
                    ? new Document("o", "d").append("n", delete.namespace()).append("k", delete.id())
                    : new Document("o", "d").append("n", delete.namespace()).append("d", delete.document());
            case Drop drop -> new Document("o", "x").append("n", drop.namespace());
            case Rename rename -> new Document("o", "r").append("n", rename.namespace()).append("t", rename.to());
        };
        return bytes(record);
    }

    static Change decode(byte[] payload) {
        Document record = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(payload));
        String namespace = (String) record.get("n");
        return switch ((String) record.get("o")) {
            case "p" -> new Put(namespace, (String) record.get("i"), (Document) record.get("d"));
            case "d" -> new Delete(namespace, record.get("k"), (Document) record.get("d"));
            case "x" -> new Drop(namespace);
            case "r" -> new Rename(namespace, (String) record.get("t"));
            default -> throw new IllegalStateException("unknown journal record " + record.get("o"));
        };
    }

    /** A document in BSON: what a key is compared by, whatever Java type its value decodes to. */
    static byte[] bytes(Map<String, ?> document) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } finally {
            buffer.release();
        }
    }
}
