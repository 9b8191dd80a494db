package io.mubiao.benchmark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResidentMemoryTest {

    @Test
    void theTableHasARowPerServiceWithItsGoals() {
        String table;
        try (ResidentMemory memory = new ResidentMemory()) {
            table = memory.render();
        }
        for (String service : ResidentMemory.SERVICES) {
            assertTrue(table.lines().anyMatch(line -> line.startsWith("| " + service + " |") && line.endsWith(
                    "| 300 / 600 |")), table);
        }
    }
}
