package org.gospelib;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GospelibApplication {
    public static void main(String[] args) {
        SpringApplication.run(GospelibApplication.class, args);
    }
}
