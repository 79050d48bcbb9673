package com.logishift.support.kit.test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Calls started at the same moment from their own threads, for the tests of races. */
public final class Parallel {

    private Parallel() {
    }

    /** Call {@code i} of {@code n}: a request, a job's pass… */
    public interface Call<T> {
        T call(int i) throws Exception;
    }

    /** Starts {@code n} calls together, each on its own thread; their results in call order. */
    public static <T> List<T> inParallel(int n, Call<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> task = () -> {
                    start.await();
                    return call.call(index);
                };
                futures.add(threads.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
