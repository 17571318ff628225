package org.gospelib.scripture;

/**
 * Folded book-name keys ({@code 1corinthians}, {@code songofsolomon}) in a character trie, so
 * that the scanner can follow a name through the input one char at a time without building
 * strings, and can tell after each word whether a longer name could still follow.
 *
 * <p>Filled once while the catalogue loads and only read afterwards.
 */
final class BookNameTrie {

    private static final char[] NO_LABELS = new char[0];
    private static final Node[] NO_CHILDREN = new Node[0];

    /** One folded char of a key; children are few, so a linear scan beats hashing. */
    static final class Node {
        private char[] labels = NO_LABELS;
        private Node[] children = NO_CHILDREN;
        private int book = -1;

        /** The node after {@code c}, or {@code null} when no key continues with it. */
        Node child(char c) {
            char[] l = labels;
            for (int i = 0; i < l.length; i++) {
                if (l[i] == c) return children[i];
            }
            return null;
        }

        /** Catalogue index of the book whose key ends here, or -1. */
        int book() {
            return book;
        }

        boolean hasChildren() {
            return labels.length > 0;
        }

        private Node childOrCreate(char c) {
            Node existing = child(c);
            if (existing != null) return existing;
            Node created = new Node();
            int n = labels.length;
            char[] l = new char[n + 1];
            Node[] ch = new Node[n + 1];
            System.arraycopy(labels, 0, l, 0, n);
            System.arraycopy(children, 0, ch, 0, n);
            l[n] = c;
            ch[n] = created;
            labels = l;
            children = ch;
            return created;
        }
    }

    private final Node root = new Node();

    Node root() {
        return root;
    }

    /**
     * Stores a key unless it is already taken.
     *
     * @return the book the key already named (possibly {@code book} itself), or -1 if it was free
     */
    int putIfAbsent(String key, int book) {
        Node node = root;
        for (int i = 0; i < key.length(); i++) node = node.childOrCreate(key.charAt(i));
        if (node.book >= 0) return node.book;
        node.book = book;
        return -1;
    }

    /** The book a whole key names, or -1. */
    int get(String key) {
        Node node = root;
        for (int i = 0; i < key.length() && node != null; i++) node = node.child(key.charAt(i));
        return node == null ? -1 : node.book;
    }
}
