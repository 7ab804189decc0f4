package io.litj.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the largest subset of {@code 0..n-1} (of size below {@code n}, at least {@code min}) that passes a test,
 * trying at most a given number of subsets: used to find which signature share spoils a sum.
 */
final class SubsetSearch {
    private SubsetSearch() {
    }

    /** The first passing subset (sizes {@code n-1} down to {@code min}, lexicographic within a size), if any. */
    static Optional<List<Integer>> firstVerifying(int n, int min, int maxTries, Predicate<List<Integer>> test) {
        int[] tries = {0};
        for (int size = n - 1; size >= Math.max(1, min); size--) {
            Optional<List<Integer>> found = search(new ArrayList<>(), 0, n, size, maxTries, tries, test);
            if (found.isPresent() || tries[0] >= maxTries) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<Integer>> search(List<Integer> chosen, int from, int n, int size, int maxTries,
            int[] tries, Predicate<List<Integer>> test) {
        if (chosen.size() == size) {
            tries[0]++;
            return test.test(chosen) ? Optional.of(List.copyOf(chosen)) : Optional.empty();
        }
        for (int i = from; i <= n - (size - chosen.size()) && tries[0] < maxTries; i++) {
            chosen.add(i);
            Optional<List<Integer>> found = search(chosen, i + 1, n, size, maxTries, tries, test);
            chosen.remove(chosen.size() - 1);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
