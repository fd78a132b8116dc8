package org.tehai.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The SQL of migration V6 folds the names of customers saved before it exactly as the application folds new ones. */
@QuarkusTest
class SearchNameMigrationTest {

    @Inject
    EntityManager entityManager;

    @Inject
    NumberingPlan numbering;

    @Test
    @TestTransaction
    void shouldFoldExistingNamesInSqlAsTheApplicationDoes() throws IOException {
        List<String> names = List.of("ｻﾄｳ ﾊﾅｺ", "さとう　はなこ", "Ｓａｔｏ Ｈａｎａｋｏ", "ｶﾞｯｺｳ ﾊﾟｰｸ", "ジョン・スミス",
                "ゔぁいおりん ゝゞ", "O'Brien Mary", "佐藤 花子", "㈱テハイ", "Tehai ㍿", "ＩＴＯ\tＡＯＩ");
        List<Long> ids = new ArrayList<>();
        for (String name : names) {
            var customer = new Customer();
            customer.name = name;
            customer.replacePhones(List.of(new Customer.PhoneEntry(TestData.tokyoPhone(), null)), numbering);
            customer.persist();
            ids.add(customer.id);
        }
        entityManager.flush();
        entityManager.createNativeQuery("update customer set search_name = '' where id in (:ids)")
                .setParameter("ids", ids).executeUpdate();

        entityManager.createNativeQuery(migrationBackfill() + " where id in (:ids)").setParameter("ids", ids)
                .executeUpdate();

        for (int i = 0; i < names.size(); i++) {
            Object folded = entityManager.createNativeQuery("select search_name from customer where id = :id")
                    .setParameter("id", ids.get(i)).getSingleResult();
            assertThat(folded).as(names.get(i)).isEqualTo(SearchName.fold(names.get(i)));
        }
    }

    private static String migrationBackfill() throws IOException {
        try (InputStream in = SearchNameMigrationTest.class.getResourceAsStream("/db/migration/V6__caller_search.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = script.indexOf("update customer");
            return script.substring(start, script.indexOf(';', start));
        }
    }
}
