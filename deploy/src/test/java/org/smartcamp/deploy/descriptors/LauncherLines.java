package org.smartcamp.deploy.descriptors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The launcher command lines ({@code smartcamp COMMAND ARGS}) in the fenced code blocks of a markdown page. */
final class LauncherLines {
    /**
     * "smartcamp" where a shell command starts (line start, after a shell operator, after kubectl's "--", or as
     * .../bin/smartcamp), a command, and its arguments up to a shell operator.
     */
    private static final Pattern LINE =
        Pattern.compile("(?:^\\s*|[;&|]\\s*|\\s--\\s+|bin/)smartcamp\\s+([a-z][a-z-]*(?:\\s+[^\\s;&|<>]+)*)");

    private LauncherLines() {
    }

    static List<List<String>> inCodeBlocks(String markdown) {
        List<List<String>> found = new ArrayList<>();
        boolean inBlock = false;
        for (String line : markdown.replace("\\\n", " ").split("\n")) {
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            String code = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            Matcher m = LINE.matcher(code);
            while (inBlock && m.find()) {
                found.add(Arrays.asList(m.group(1).trim().split("\\s+")));
            }
        }
        return found;
    }
}
