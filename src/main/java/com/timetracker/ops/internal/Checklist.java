package com.timetracker.ops.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** preflight's result: one line per item, PASS, WARN or FAIL, each WARN/FAIL with the exact fix. */
public final class Checklist {

    public enum Verdict { PASS, WARN, FAIL }

    /** @param check the check number (1-9), 0 for reading the inputs */
    public record Item(int check, Verdict verdict, String what, String fix) {
    }

    private final List<Item> items = new ArrayList<>();

    void pass(int check, String what) {
        items.add(new Item(check, Verdict.PASS, what, null));
    }

    void warn(int check, String what, String fix) {
        items.add(new Item(check, Verdict.WARN, what, fix));
    }

    void fail(int check, String what, String fix) {
        items.add(new Item(check, Verdict.FAIL, what, fix));
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    public long count(Verdict verdict) {
        return items.stream().filter(item -> item.verdict() == verdict).count();
    }

    public boolean failed() {
        return count(Verdict.FAIL) > 0;
    }

    public void print(PrintStream out) {
        // in the order of the checks; within a check, in the order they ran
        for (Item item : items.stream().sorted(java.util.Comparator.comparingInt(Item::check)).toList()) {
            out.printf("%-4s [%d] %s%n", item.verdict(), item.check(), item.what());
            if (item.fix() != null) {
                out.println("          fix: " + item.fix());
            }
        }
        out.printf("%npreflight: %d FAIL, %d WARN, %d PASS%s%n", count(Verdict.FAIL), count(Verdict.WARN), count(Verdict.PASS),
                failed() ? " - do not deploy until every FAIL is fixed" : "");
    }
}
