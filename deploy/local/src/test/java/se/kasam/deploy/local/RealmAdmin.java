package se.kasam.deploy.local;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.function.Supplier;

/** The demo realm changed for one token through Keycloak's admin API, then put back as the realm file has it. */
final class RealmAdmin {
    static final int REALM_ACCESS_TOKEN_LIFESPAN = 300;

    private RealmAdmin() {
    }

    /** A token (or anything fetched) while the realm's access tokens live {@code seconds}. */
    static String withAccessTokenLifespan(String keycloakUrl, int seconds, Supplier<String> fetch) {
        String admin = given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "admin", "password", "admin"))
                .post(keycloakUrl + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String realm = keycloakUrl + "/admin/realms/kasam";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("accessTokenLifespan", seconds)).put(realm)
                .then().statusCode(204);
        try {
            return fetch.get();
        } finally {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("accessTokenLifespan", REALM_ACCESS_TOKEN_LIFESPAN)).put(realm).then().statusCode(204);
        }
    }
}
