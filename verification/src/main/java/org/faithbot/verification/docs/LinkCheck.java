package org.faithbot.verification.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every relative link of a document resolves: the file exists and, with a #fragment, so does the heading. */
public final class LinkCheck {

    private LinkCheck() {
    }

    public record Result(int links, List<String> broken) {
    }

    public static Result check(Path root, List<MarkdownDocument> documents) {
        int links = 0;
        List<String> broken = new ArrayList<>();
        for (MarkdownDocument document : documents) {
            for (String link : document.relativeLinks()) {
                links++;
                String problem = problem(root, document.path(), link);
                if (problem != null) {
                    broken.add(root.relativize(document.path()) + ": " + link + " (" + problem + ")");
                }
            }
        }
        return new Result(links, broken);
    }

    /** Why a link written in {@code from} does not resolve, or null when it does. */
    static String problem(Path root, Path from, String link) {
        int hash = link.indexOf('#');
        String file = hash < 0 ? link : link.substring(0, hash);
        String fragment = hash < 0 ? null : link.substring(hash + 1);
        Path target = file.isEmpty() ? from : from.getParent().resolve(file).normalize();
        if (!target.startsWith(root.normalize()) && !target.startsWith(root.toAbsolutePath().normalize())) {
            return "outside the repository";
        }
        if (!Files.exists(target)) {
            return "no such file";
        }
        if (fragment != null && !fragment.isEmpty()) {
            if (!target.toString().endsWith(".md")) {
                return "a fragment on a file that is not Markdown";
            }
            if (!MarkdownDocument.read(target).anchors().contains(fragment)) {
                return "no heading #" + fragment;
            }
        }
        return null;
    }
}
