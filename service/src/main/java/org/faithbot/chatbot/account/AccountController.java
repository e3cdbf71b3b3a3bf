package org.faithbot.chatbot.account;

import java.util.Map;

import org.faithbot.chatbot.system.security.CurrentUser;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own data: export (access, portability) and erasure. */
@RestController
@RequestMapping("/api/v1/me")
class AccountController {

    private static final String EXPORT_DISPOSITION = ContentDisposition.attachment()
        .filename("faithbot-export.json")
        .build()
        .toString();

    private final DataExporter exporter;

    private final AccountEraser eraser;

    AccountController(DataExporter exporter, AccountEraser eraser) {
        this.exporter = exporter;
        this.eraser = eraser;
    }

    @GetMapping("/export")
    ResponseEntity<Map<String, Object>> export(CurrentUser user) {
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, EXPORT_DISPOSITION)
            .body(this.exporter.export(user.userId()));
    }

    @DeleteMapping
    ErasureReport erase(CurrentUser user) {
        return this.eraser.erase(user.userId());
    }
}
