package com.logishift.support.systemtests.browser;

import com.microsoft.playwright.Browser;

/** The screens the UI is tested on: a desktop and a phone (touch, mobile layout). */
public enum Viewport {
    DESKTOP("desktop", 1280, 800, false),
    PHONE("phone", 390, 844, true);

    private final String dir;
    private final int width;
    private final int height;
    private final boolean mobile;

    Viewport(String dir, int width, int height, boolean mobile) {
        this.dir = dir;
        this.width = width;
        this.height = height;
        this.mobile = mobile;
    }

    public String dir() {
        return dir;
    }

    public boolean mobile() {
        return mobile;
    }

    Browser.NewContextOptions contextOptions(String baseUrl) {
        Browser.NewContextOptions options = new Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setViewportSize(width, height)
                .setLocale("en-GB")
                .setTimezoneId("UTC");
        if (mobile) {
            options.setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2)
                    .setUserAgent("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                            + "Chrome/156.0.0.0 Mobile Safari/537.36");
        }
        return options;
    }
}
