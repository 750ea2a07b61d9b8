package io.modelgate.sbom.cyclonedx;

import io.modelgate.assessment.CardFacts;
import io.modelgate.assessment.Identity;
import io.modelgate.assessment.ModelAssessment;
import io.modelgate.assessment.Signature;
import io.modelgate.provenance.identity.BaseModel;
import io.modelgate.provenance.identity.Evidence;
import io.modelgate.provenance.license.LicenseVerdict;
import io.modelgate.sbom.ModelGateProperties;
import org.cyclonedx.model.Ancestors;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.OrganizationalEntity;
import org.cyclonedx.model.Pedigree;
import org.cyclonedx.model.component.ModelCard;
import org.cyclonedx.model.component.data.ComponentData;
import org.cyclonedx.model.component.data.DatasetChoice;
import org.cyclonedx.model.component.modelCard.Considerations;
import org.cyclonedx.model.component.modelCard.InputOutputParameter;
import org.cyclonedx.model.component.modelCard.ModelParameters;
import org.cyclonedx.model.component.modelCard.consideration.Risk;
import io.modelgate.scanner.facts.ModelCardFact.CardUses;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A model unit as a CycloneDX {@code machine-learning-model} component filled with what the scan verified:
 * identity, license, digests, base chain (pedigree), and ModelGate's facts as {@code modelgate:} properties.
 */
final class ModelComponents {

    /** Evidence kinds that name the architecture class (config {@code architectures}, GGUF architecture). */
    private static final List<String> ARCHITECTURE_KINDS = List.of("architecture", "architectures",
            "gguf_architecture", "model_type");

    private ModelComponents() {
    }

    static Component of(ModelAssessment model) {
        Component component = new Component();
        component.setType(Component.Type.MACHINE_LEARNING_MODEL);
        component.setBomRef(BomRefs.model(model));
        component.setName(model.name() != null ? model.name() : model.path());
        Identity identity = model.identity();
        HuggingFacePurl.revision(model.path()).ifPresent(component::setVersion);
        HuggingFacePurl.of(model.path()).ifPresent(component::setPurl);
        if (identity.publisher() != null) {
            component.setPublisher(identity.publisher());
            OrganizationalEntity supplier = new OrganizationalEntity();
            supplier.setName(identity.publisher());
            component.setSupplier(supplier);
        }
        digest(model.digest()).ifPresent(hash -> component.setHashes(List.of(hash)));
        component.setLicenses(LicenseChoices.of(model.license()));
        component.setModelCard(modelCard(model));
        component.setPedigree(pedigree(identity.baseModels()));
        component.setProperties(properties(model));
        component.setComponents(model.files().stream().map(FileComponents::of).toList());
        return component;
    }

    static Optional<Hash> digest(String digest) {
        if (digest == null || !digest.startsWith("sha256:")) {
            return Optional.empty();
        }
        return Optional.of(new Hash(Hash.Algorithm.SHA_256, digest.substring("sha256:".length())));
    }

    private static ModelCard modelCard(ModelAssessment model) {
        Identity identity = model.identity();
        ModelParameters parameters = new ModelParameters();
        String family = identity.architectureFamily() != null ? identity.architectureFamily() : identity.family();
        parameters.setArchitectureFamily(family);
        architecture(identity).ifPresent(parameters::setModelArchitecture);
        CardFacts declared = model.card();
        parameters.setTask(declared.task());
        if (!declared.datasets().isEmpty()) {
            parameters.setDatasets(declared.datasets().stream().map(ModelComponents::dataset).toList());
        }
        TaskModalities.of(declared.task()).ifPresent(io -> {
            parameters.setInputs(formats(io.inputs()));
            parameters.setOutputs(formats(io.outputs()));
        });
        Considerations considerations = considerations(declared.uses());
        if (family == null && parameters.getModelArchitecture() == null && declared.task() == null
                && declared.datasets().isEmpty() && considerations == null) {
            return null;
        }
        ModelCard card = new ModelCard();
        card.setBomRef(BomRefs.model(model) + "#model-card");
        card.setModelParameters(parameters);
        card.setConsiderations(considerations);
        return card;
    }

    private static List<InputOutputParameter> formats(List<String> formats) {
        if (formats.isEmpty()) {
            return null;
        }
        return formats.stream().map(f -> {
            InputOutputParameter parameter = new InputOutputParameter();
            parameter.setFormat(f);
            return parameter;
        }).toList();
    }

    /** The card's own words on use and limits, quoted (declarations, not verified facts). */
    private static Considerations considerations(CardUses uses) {
        if (uses.isEmpty()) {
            return null;
        }
        Considerations out = new Considerations();
        if (uses.intendedUse() != null) {
            out.setUseCases(List.of(uses.intendedUse()));
        }
        List<String> limits = uses.limits();
        if (!limits.isEmpty()) {
            // One entry: the 1.6 XML schema allows a single technicalLimitation (JSON allows many).
            out.setTechnicalLimitations(List.of(String.join(" ", limits)));
        }
        if (uses.risksBeyondLimits() != null) {
            Risk risk = new Risk();
            risk.setName(uses.risksBeyondLimits());
            out.setEthicalConsiderations(List.of(risk));
        }
        return out;
    }

    /** A dataset the card declares, by name (the BOM does not claim to know more about it). */
    private static DatasetChoice dataset(String name) {
        ComponentData data = new ComponentData();
        data.setType(ComponentData.ComponentDataType.DATASET);
        data.setName(name);
        DatasetChoice choice = new DatasetChoice();
        choice.setComponentData(data);
        return choice;
    }

    /** The architecture class the files declare, as the strongest supporting evidence names it. */
    private static Optional<String> architecture(Identity identity) {
        return identity.evidence().stream()
                .filter(e -> ARCHITECTURE_KINDS.contains(e.kind().toLowerCase(Locale.ROOT)))
                .map(Evidence::value)
                .findFirst();
    }

    private static Pedigree pedigree(List<BaseModel> bases) {
        if (bases.isEmpty()) {
            return null;
        }
        Ancestors ancestors = new Ancestors();
        for (BaseModel base : bases) {
            Component ancestor = new Component();
            ancestor.setType(Component.Type.MACHINE_LEARNING_MODEL);
            ancestor.setBomRef(BomRefs.base(base));
            ancestor.setName(base.name());
            ancestor.setProperties(new Properties()
                    .add(ModelGateProperties.FAMILY, base.family())
                    .add(ModelGateProperties.BASE_RELATION, base.relation())
                    .add(ModelGateProperties.BASE_DECLARED, base.declared())
                    .orNull());
            ancestors.addComponent(ancestor);
        }
        Pedigree pedigree = new Pedigree();
        pedigree.setAncestors(ancestors);
        return pedigree;
    }

    private static List<org.cyclonedx.model.Property> properties(ModelAssessment model) {
        Identity identity = model.identity();
        LicenseVerdict license = model.license();
        Signature signature = model.signature();
        Properties properties = new Properties()
                .add(ModelGateProperties.UNIT_KIND, model.kind().id())
                .add(ModelGateProperties.MODEL_PATH, model.path())
                .add(ModelGateProperties.FAMILY, identity.family())
                .add(ModelGateProperties.GENERATION, identity.generation())
                .add(ModelGateProperties.PUBLISHER, identity.publisher())
                .add(ModelGateProperties.COUNTRY, identity.country())
                .add(ModelGateProperties.ARCHITECTURE_FAMILY, identity.architectureFamily())
                .add(ModelGateProperties.TOKENIZER_FAMILY, identity.tokenizerFamily())
                .add(ModelGateProperties.CONFIDENCE, identity.family() == null ? null
                        : String.format(Locale.ROOT, "%.2f", identity.confidence()));
        if (license != null) {
            properties.add(ModelGateProperties.LICENSE_SOURCE, license.source())
                    .add(ModelGateProperties.COMMERCIAL_USE, license.commercialUse())
                    .addAll(ModelGateProperties.OBLIGATION, license.obligations())
                    .addAll(ModelGateProperties.LICENSE_CONFLICT, license.conflicts());
        }
        return properties
                .add(ModelGateProperties.SIGNATURE_STATUS, signature.status().id())
                .add(ModelGateProperties.SIGNATURE_METHOD, signature.method())
                .add(ModelGateProperties.SIGNATURE_SIGNER, signature.signer())
                .add(ModelGateProperties.SIGNATURE_VERIFIED_WITH, signature.verifiedWith())
                .add(ModelGateProperties.SIGNATURE_SUBJECT, signature.subjectDigest())
                .add(ModelGateProperties.LOCK_STATUS, model.integrity().lock().id())
                .add(ModelGateProperties.INCOMPLETE, model.isIncomplete() ? "true" : null)
                .addAll(ModelGateProperties.LANGUAGE, model.card().languages())
                .orNull();
    }
}
