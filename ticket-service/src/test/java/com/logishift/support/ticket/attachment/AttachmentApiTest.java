package com.logishift.support.ticket.attachment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.logishift.support.kit.test.ErrorLog;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.RawHttp;
import com.logishift.support.ticket.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * POST and GET /api/support/attachments: what is accepted (by its bytes), how it is served back, what
 * is refused (disguised types, empty, too large, malware — by the real clamd deploy/local/test starts —
 * or an unreachable scanner), and who may read an upload before it is attached.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(ClamdProxyTestResource.class)
class AttachmentApiTest {

    static final String ATTACHMENTS = "/api/support/attachments/";
    static final int MIB = 1024 * 1024;

    @Inject
    Pool pool;

    @Test
    void everyAllowedKindRoundTripsWithItsHashAndSafeHeaders() {
        Tokens.Person customer = Tokens.customer();
        roundTrip(customer, "photo.png", Samples.png(), "image/png", true);
        roundTrip(customer, "photo.jpg", Samples.jpeg(), "image/jpeg", true);
        roundTrip(customer, "anim.gif", Samples.gif(), "image/gif", true);
        roundTrip(customer, "photo.webp", Samples.webp(), "image/webp", true);
        roundTrip(customer, "IMG_0001.HEIC", Samples.heic(), "image/heic", false);
        roundTrip(customer, "invoice.pdf", Samples.pdf(), "application/pdf", false);
        roundTrip(customer, "notes.txt", Samples.text(), "text/plain", false);
        roundTrip(customer, "deliveries.csv", Samples.csv(), "text/csv", false);
    }

    @Test
    void theTypeComesFromTheBytesNotFromTheNameOrTheDeclaredType() {
        Tokens.Person customer = Tokens.customer();
        // a real PNG sent as "scan.pdf" with a PDF content type is a PNG
        upload(customer, "scan.pdf", Samples.png(), "application/pdf").then().statusCode(201)
                .body("contentType", equalTo("image/png"));
    }

    @Test
    void disguisedSvgHtmlExecutablesAndArchivesAre415() {
        Tokens.Person customer = Tokens.customer();
        try (ErrorLog log = ErrorLog.open()) {
            refused415(upload(customer, "photo.png", Samples.svg(), "image/png"), "image/svg+xml");
            refused415(upload(customer, "label.jpg", Samples.html(), "image/jpeg"), "text/html");
            refused415(upload(customer, "manual.pdf", Samples.elf(), "application/pdf"), "application/x-");
            refused415(upload(customer, "photo.png", Samples.zip(), "image/png"), "application/zip");
            refused415(upload(customer, "notes.txt", "abc\u0000def".getBytes(StandardCharsets.UTF_8), "text/plain"), "");
            refused415(upload(customer, "brief.txt", "Gr\u00fc\u00dfe aus K\u00f6ln und viele Gr\u00fc\u00dfe"
                    .getBytes(StandardCharsets.ISO_8859_1), "text/plain"), "");
            assertThat(log.errors(), empty());
        }
        assertThat(storedBy(customer.id()), equalTo(0L));
    }

    @Test
    void anEmptyFileIs400AndAMissingOrSecondFileIs400() {
        Tokens.Person customer = Tokens.customer();
        invalid(upload(customer, "empty.png", new byte[0], "image/png"), "file", "empty");
        invalid(as(customer).multiPart("document", "a.png", Samples.png(), "image/png").post(ATTACHMENTS), "file", "");
        invalid(as(customer).multiPart("file", "just text").post(ATTACHMENTS), "file", "");
        invalid(as(customer).multiPart("file", "a.png", Samples.png(), "image/png")
                .multiPart("file", "b.png", Samples.png(), "image/png").post(ATTACHMENTS), "file", "exactly one");
        assertThat(storedBy(customer.id()), equalTo(0L));
    }

    @Test
    void aJsonBodyIs415SayingToSendMultipartAndNoTokenIs401() {
        Tokens.Person customer = Tokens.customer();
        as(customer).contentType("application/json").body("{\"file\":\"aGVsbG8=\"}").post(ATTACHMENTS)
                .then().statusCode(415).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("multipart/form-data"));
        given().multiPart("file", "a.png", Samples.png(), "image/png").post(ATTACHMENTS).then().statusCode(401);
        given().get(ATTACHMENTS + UUID.randomUUID() + "/").then().statusCode(401);
    }

    @Test
    void aFileOverTenMebibytesIs413AndOneOfExactlyTenIsAccepted() throws Exception {
        Tokens.Person customer = Tokens.customer();
        byte[] exactly = filledText(10 * MIB);
        upload(customer, "big.txt", exactly, "text/plain").then().statusCode(201).body("size", equalTo(10 * MIB));

        upload(customer, "big.txt", filledText(10 * MIB + 1), "text/plain").then().statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("type", endsWith("/attachment-too-large"));
        try (ErrorLog log = ErrorLog.open()) {
            // far over: refused by the body limit of the upload path, sent chunked (as rest-assured does)…
            upload(customer, "huge.txt", filledText(12 * MIB), "text/plain").then().statusCode(413)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", endsWith("/request-entity-too-large"));
            // …or announced by Content-Length, refused before the body is read
            RawHttp.Answer announced = rawUpload(customer, "huge.txt".getBytes(StandardCharsets.UTF_8), filledText(12 * MIB));
            assertThat(announced.status(), equalTo(413));
            assertThat(announced.header("Content-Type"), startsWith("application/problem+json"));
            assertThat(log.errors(), empty());
        }
        assertThat(storedBy(customer.id()), equalTo(1L));
    }

    @Test
    void otherPathsKeepTheirSixtyFourKibibyteLimitWithOrWithoutALength() throws Exception {
        Tokens.Person customer = Tokens.customer();
        // the upload path's allowance is for the upload path only: 100 KiB to ticket creation is refused
        String description = "x".repeat(100 * 1024);
        as(customer).contentType("application/json")
                .body("{\"subject\":\"Big\",\"category\":\"DAMAGED\",\"description\":\"" + description + "\"}")
                .post("/api/support/tickets/create/").then().statusCode(413);
        RawHttp.Answer chunked = RawHttp.send("POST /api/support/tickets/create/ HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + customer.bearer() + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked", RawHttp.chunked(100 * 1024, ' '));
        assertThat(chunked.status(), equalTo(413));
    }

    @Test
    void theEicarTestFileIsRefusedByTheRealScannerAndNothingIsStored() {
        assertThat("clamd is needed: run the tests with deploy/local/test", ClamdProxyTestResource.proxy(), notNullValue());
        Tokens.Person customer = Tokens.customer();
        long contentBefore = count("SELECT count(*) FROM attachment_content");
        try (ErrorLog log = ErrorLog.open()) {
            upload(customer, "eicar.txt", Samples.ascii(Samples.EICAR), "text/plain").then().statusCode(422)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", endsWith("/malware-detected"))
                    .body("detail", containsString("EICAR"));
            // also inside a larger file, with a line break after it
            byte[] wrapped = ("Invoice notes\n" + Samples.EICAR + "\nmore text\n").getBytes(StandardCharsets.US_ASCII);
            upload(customer, "notes.txt", wrapped, "text/plain").then().statusCode(422);
            assertThat(log.errors(), empty());
        }
        assertThat(storedBy(customer.id()), equalTo(0L));
        assertThat(count("SELECT count(*) FROM attachment_content"), equalTo(contentBefore));
        // a clean file right after is fine
        upload(customer, "notes.txt", Samples.text(), "text/plain").then().statusCode(201);
    }

    @Test
    void anUnreachableScannerIs503AndNothingIsStoredUnscanned() throws Exception {
        assertThat("clamd is needed: run the tests with deploy/local/test", ClamdProxyTestResource.proxy(), notNullValue());
        Tokens.Person customer = Tokens.customer();
        ClamdProxyTestResource.proxy().cut();
        try {
            upload(customer, "photo.png", Samples.png(), "image/png").then().statusCode(503)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", endsWith("/scanner-unavailable"));
        } finally {
            ClamdProxyTestResource.proxy().restore();
        }
        assertThat(storedBy(customer.id()), equalTo(0L));
        upload(customer, "photo.png", Samples.png(), "image/png").then().statusCode(201);
    }

    @Test
    void anUnclaimedUploadIsItsUploadersOnly() {
        Tokens.Person customer = Tokens.customer();
        String id = upload(customer, "photo.png", Samples.png(), "image/png").then().statusCode(201)
                .extract().path("id");
        as(customer).get(ATTACHMENTS + id + "/").then().statusCode(200);
        as(customer).get(ATTACHMENTS + id).then().statusCode(200); // trailing slash optional
        for (Tokens.Person other : new Tokens.Person[] {Tokens.customer(), Tokens.agent(), Tokens.admin()}) {
            as(other).get(ATTACHMENTS + id + "/").then().statusCode(404)
                    .contentType(startsWith("application/problem+json"));
        }
        as(customer).get(ATTACHMENTS + UUID.randomUUID() + "/").then().statusCode(404);
        invalid(as(customer).get(ATTACHMENTS + "not-a-uuid/"), "id", "UUID");
    }

    @Test
    void fileNamesAreStrippedOfFoldersAndControlCharacters() throws Exception {
        Tokens.Person customer = Tokens.customer();
        upload(customer, "../../etc/passwd", Samples.text(), "text/plain").then().statusCode(201)
                .body("filename", equalTo("passwd"));
        upload(customer, "C:\\Users\\me\\report\u0007.pdf", Samples.pdf(), "application/pdf").then().statusCode(201)
                .body("filename", equalTo("report.pdf"));
        // raw UTF-8 in the part header, as browsers send it: NUL, a line break and the right-to-left override go
        RawHttp.Answer hostile = rawUpload(customer,
                "in\u0000vo\u001bice\u202Efdp.exe".getBytes(StandardCharsets.UTF_8), Samples.pdf());
        assertThat(hostile.body(), hostile.status(), equalTo(201));
        assertThat(hostile.body(), containsString("\"filename\":\"invoicefdp.exe\""));
        assertThat(hostile.body(), containsString("\"contentType\":\"application/pdf\""));
        String id = upload(customer, "a".repeat(400) + ".png", Samples.png(), "image/png").then().statusCode(201)
                .body("filename.length()", equalTo(255)).extract().path("id");
        as(customer).get(ATTACHMENTS + id + "/").then().statusCode(200)
                .header("Content-Disposition", startsWith("inline; filename=\"aaaa"));
        upload(customer, "..", Samples.png(), "image/png").then().statusCode(201)
                .body("filename", equalTo("attachment"));
        RawHttp.Answer named = rawUpload(customer, "Schaden Zoë.jpg".getBytes(StandardCharsets.UTF_8), Samples.jpeg());
        assertThat(named.body(), named.status(), equalTo(201));
        String utf8 = io.restassured.path.json.JsonPath.from(named.body()).getString("id");
        assertThat(io.restassured.path.json.JsonPath.from(named.body()).getString("filename"), equalTo("Schaden Zoë.jpg"));
        as(customer).get(ATTACHMENTS + utf8 + "/").then().statusCode(200)
                .header("Content-Disposition", equalTo("inline; filename=\"Schaden Zo_.jpg\"; filename*=UTF-8''Schaden%20Zo%C3%AB.jpg"));
    }

    @Test
    void aBrokenMultipartBodyIsAClientErrorNotAServerError() throws Exception {
        Tokens.Person customer = Tokens.customer();
        try (ErrorLog log = ErrorLog.open()) {
            byte[] garbage = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nno end"
                    .getBytes(StandardCharsets.US_ASCII);
            RawHttp.Answer cut = RawHttp.send("POST " + ATTACHMENTS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + customer.bearer() + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: "
                    + garbage.length, garbage);
            // the body ends inside the file part: answered once it is clear the part will never complete
            assertThat(cut.body(), cut.status(), equalTo(400));
            assertThat(cut.body(), containsString("/incomplete-multipart"));
            RawHttp.Answer noBoundary = RawHttp.send("POST " + ATTACHMENTS + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + customer.bearer() + "\r\nContent-Type: multipart/form-data\r\nContent-Length: "
                    + garbage.length, garbage);
            assertThat(noBoundary.body(), noBoundary.status() >= 400 && noBoundary.status() < 500, equalTo(true));
            for (int i = 0; i < 3; i++) {
                RawHttp.hangUpMidBody("POST " + ATTACHMENTS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                        + customer.bearer() + "\r\nContent-Type: multipart/form-data; boundary=x", 5 * MIB);
            }
            // served after the hang-ups: their failures would have been logged by now
            upload(customer, "photo.png", Samples.png(), "image/png").then().statusCode(201);
            assertThat(log.errors(), empty());
        }
        assertThat(storedBy(customer.id()), equalTo(1L));
    }

    @Test
    void openApiDescribesTheUploadAndTheDownload() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/support/attachments'.post.requestBody.content", org.hamcrest.Matchers.hasKey("multipart/form-data"))
                .body("paths.'/api/support/attachments/{id}'.get.summary", equalTo("The bytes of a file"));
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private void roundTrip(Tokens.Person uploader, String name, byte[] content, String type, boolean inline) {
        ExtractableResponse<Response> created = upload(uploader, name, content, "application/octet-stream").then()
                .statusCode(201)
                .contentType(startsWith("application/json"))
                .body("filename", equalTo(name))
                .body("contentType", equalTo(type))
                .body("size", equalTo(content.length))
                .body("sha256", equalTo(sha256(content)))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), equalTo("/api/support/attachments/" + id + "/"));
        byte[] served = as(uploader).get(ATTACHMENTS + id + "/").then().statusCode(200)
                .contentType(startsWith(type))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header("Cache-Control", "private")
                .header("Content-Disposition", startsWith(inline ? "inline;" : "attachment;"))
                .header("Content-Disposition", containsString("filename*=UTF-8''"))
                .extract().asByteArray();
        assertThat(name, Arrays.equals(served, content), equalTo(true));
    }

    static RequestSpecification as(Tokens.Person person) {
        return given().header("Authorization", person.bearer());
    }

    static Response upload(Tokens.Person person, String filename, byte[] content, String declaredType) {
        return as(person).multiPart("file", filename, content, declaredType).post(ATTACHMENTS);
    }

    /** A multipart upload byte for byte (Content-Length, the file name's bytes exactly as given). */
    static RawHttp.Answer rawUpload(Tokens.Person person, byte[] filename, byte[] content) throws Exception {
        String boundary = "----logishift" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(filename);
        body.writeBytes("\"\r\nContent-Type: application/octet-stream\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return RawHttp.send("POST " + ATTACHMENTS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + person.bearer()
                + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                + "\r\nContent-Length: " + body.size(), body.toByteArray());
    }

    private long storedBy(UUID uploader) {
        return pool.preparedQuery("SELECT count(*) FROM attachment WHERE uploader_id = $1").execute(Tuple.of(uploader))
                .await().indefinitely().iterator().next().getLong(0);
    }

    private long count(String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }

    private static void refused415(Response response, String typeNamed) {
        response.then().statusCode(415).contentType(startsWith("application/problem+json"))
                .body("type", endsWith("/unsupported-media-type"))
                .body("detail", containsString(typeNamed));
    }

    static void invalid(Response response, String field, String message) {
        response.then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));
    }

    private static byte[] filledText(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        for (int i = 79; i < size; i += 80) {
            bytes[i] = '\n';
        }
        return bytes;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
