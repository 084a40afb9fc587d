package se.kasam.deploy.kubernetes;

import static se.kasam.deploy.kubernetes.Manifests.*;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every rendered document read into a typed model, and no field that model does not know. (Manifests renders and parses.) */
class ModelsTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void everyDocumentHasATypedModelAndTheNamespace(Variant variant) {
        Render render = render(variant);
        Problems problems = new Problems(variant);
        render.untyped().forEach(problems::add);
        List<Namespace> namespaces = render.all(Namespace.class);
        if (namespaces.size() != 1) {
            problems.add("the overlay should create exactly one Namespace, not " + names(namespaces));
        }
        String namespace = namespaces.isEmpty() ? null : namespaces.get(0).getMetadata().getName();
        for (Doc doc : render.docs()) {
            if (!(doc.typed() instanceof Namespace) && !Objects.equals(doc.typed().getMetadata().getNamespace(), namespace)) {
                problems.add(doc, "is in namespace " + doc.typed().getMetadata().getNamespace() + ", not " + namespace);
            }
        }
        problems.assertNone();
    }

    /** A field the typed model does not know (a typo, a field of another API version) is kept aside by the model. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void typedDocumentsHaveNoFieldTheirModelDoesNotKnow(Variant variant) {
        Problems problems = new Problems(variant);
        for (Doc doc : render(variant).docs()) {
            if (!(doc.typed() instanceof GenericKubernetesResource)) {
                List<String> unknown = new ArrayList<>();
                unknownFields(doc.typed(), "", new IdentityHashMap<>(), unknown);
                unknown.forEach(field -> problems.add(doc, "has a field its model (" + doc.typed().getClass().getSimpleName()
                        + ") does not know: " + field));
            }
        }
        problems.assertNone();
    }
}
