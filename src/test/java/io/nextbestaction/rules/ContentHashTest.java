package io.nextbestaction.rules;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** One definition of a content hash: 64 hex digits for a file and for a ruleset; decisions show the first 16. */
class ContentHashTest {

    private static RuleFile file(String name, String content) {
        return new RuleFile(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldHashAFileAsSha256Does() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", file("a.drl", "abc").contentHash().hex());
    }

    @Test
    void shouldHashARulesetWhateverTheOrderOfItsFiles() {
        ContentHash one = ContentHash.of(List.of(file("a.drl", "x"), file("b.drl", "y")));
        ContentHash other = ContentHash.of(List.of(file("b.drl", "y"), file("a.drl", "x")));
        assertEquals(one, other);
        assertEquals(64, one.hex().length());
        assertEquals("sha256:" + one.hex().substring(0, 16), one.shortForm());
    }

    @Test
    void shouldTellARenamedFileOrMovedBytesApart() {
        ContentHash original = ContentHash.of(List.of(file("a.drl", "xy"), file("b.drl", "")));
        assertNotEquals(original, ContentHash.of(List.of(file("a.drl", "x"), file("b.drl", "y"))));
        assertNotEquals(original, ContentHash.of(List.of(file("c.drl", "xy"), file("b.drl", ""))));
    }
}
