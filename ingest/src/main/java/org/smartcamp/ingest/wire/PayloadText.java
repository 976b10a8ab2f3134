package org.smartcamp.ingest.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The payload as text: wire contract v1 payloads are UTF-8 without a byte order mark. The JSON parser is given
 * the decoded text, never the bytes, so that it cannot guess another encoding (Jackson detects UTF-16 and UTF-32
 * by their zero bytes and skips a BOM, which let such payloads be stored against the contract).
 */
final class PayloadText {
    private static final int NUL = 0;

    private PayloadText() {
    }

    /**
     * Whether the payload is ASCII without a NUL byte: then it is UTF-8 without a byte order mark, which
     * {@link #decode} accepts as it is, and a parser may read the bytes themselves.
     */
    static boolean isPlainAscii(byte[] payload) {
        for (byte b : payload) {
            if (b <= NUL) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes a payload strictly.
     *
     * @throws WireFormatException {@code byte_order_mark} when it starts with EF BB BF; {@code not_utf8} when a
     *                             byte sequence is not UTF-8 or a byte is NUL (which JSON text never holds raw,
     *                             and which is what UTF-16 or UTF-32 text of ASCII characters is full of)
     */
    static String decode(byte[] payload) {
        if (payload.length >= 3 && (payload[0] & 0xFF) == 0xEF && (payload[1] & 0xFF) == 0xBB
            && (payload[2] & 0xFF) == 0xBF) {
            throw new WireFormatException(RejectReason.BYTE_ORDER_MARK,
                "payload starts with a UTF-8 byte order mark; send UTF-8 without one");
        }
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == NUL) {
                throw new WireFormatException(RejectReason.NOT_UTF8, "payload holds a NUL byte at offset " + i
                    + " (UTF-16 or UTF-32 text?); the contract is UTF-8");
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(payload);
        try {
            return utf8.decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new WireFormatException(RejectReason.NOT_UTF8,
                "payload is not valid UTF-8 near offset " + bytes.position());
        }
    }
}
