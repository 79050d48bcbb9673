package com.logishift.support.ticket.support;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Requests sent at the same moment from their own threads, for the tests of races. */
public final class Parallel {

    private Parallel() {
    }

    /** Request {@code i} of {@code n}. */
    public interface Call {
        Response call(int i);
    }

    /** Starts {@code n} calls together; their answers in call order. */
    public static List<Response> inParallel(int n, Call call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Response> task = () -> {
                    start.await();
                    return call.call(index);
                };
                futures.add(threads.submit(task));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
