// Data classification (R-7.1.1 categories, R-7.1.2 levels and rule matching).

#include "mdp/policy/Classification.h"

#include <QTest>

using namespace mdp::policy;

namespace {

ClassificationSubject field(const QString &id, const QString &label, const QString &declared = {},
                            int level = 0)
{
    ClassificationSubject subject;
    subject.id = id;
    subject.label = label;
    subject.declaredCategory = declared;
    subject.declaredLevel = level;
    return subject;
}

} // namespace

class tst_Classification : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCategoryHasItsStableIdAndSubKinds();
    void defaultRulesClassifyFields_data();
    void defaultRulesClassifyFields();
    void classificationOnlyRaisesTheDeclaredLevel();
    void wordsInsideOtherWordsDoNotMatch();
    void identifiersAreIdentifyingWhateverTheirType();
    void otherKindsOfDataAreClassifiedToo();
};

void tst_Classification::everyCategoryHasItsStableIdAndSubKinds()
{
    // the six categories of 7.1.1, with the sub-kinds it lists for a) to d).
    QCOMPARE(allCategories().size(), 6);
    for (const Category category : allCategories())
        QCOMPARE(categoryFromId(categoryId(category)), std::optional<Category>(category));
    QVERIFY(!categoryFromId(u"gossip"));
    QCOMPARE(subKinds(Category::PersonalAttributes),
             (QList<QString>{QStringLiteral("demographic"), QStringLiteral("identity"),
                             QStringLiteral("communication"), QStringLiteral("biometric")}));
    QVERIFY(subKinds(Category::HealthStatus).contains(QStringLiteral("genetic")));
    QVERIFY(subKinds(Category::MedicalApplication).contains(QStringLiteral("consent")));
    QVERIFY(subKinds(Category::Payment).contains(QStringLiteral("insurance")));
    for (int level = kMinLevel; level <= kMaxLevel; ++level)
        QVERIFY(levelDisplayName(level) != levelDisplayName(0));
}

void tst_Classification::defaultRulesClassifyFields_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("declared");
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("subKind");
    QTest::addColumn<int>("level");
    // The examples 7.1.2 and the issue give: national ID, name, phone are personal attributes at
    // level 4; diagnosis is health status at level 3.
    QTest::newRow("resident id") << "national_id"
                                 << "身份证号"
                                 << "clinical"
                                 << "personal-attributes"
                                 << "identity" << 4;
    QTest::newRow("name") << "patient_name"
                          << "姓名"
                          << ""
                          << "personal-attributes"
                          << "demographic" << 4;
    QTest::newRow("phone") << "contact.mobile"
                           << "手机号码"
                           << ""
                           << "personal-attributes"
                           << "communication" << 4;
    QTest::newRow("address") << "home_address"
                             << "家庭住址"
                             << ""
                             << "personal-attributes"
                             << "demographic" << 4;
    QTest::newRow("fingerprint") << "fingerprint_template"
                                 << "指纹"
                                 << ""
                                 << "personal-attributes"
                                 << "biometric" << 5;
    QTest::newRow("birth") << "birth_date"
                           << "出生日期"
                           << ""
                           << "personal-attributes"
                           << "demographic" << 3;
    QTest::newRow("diagnosis") << "primary_diagnosis"
                               << "主要诊断"
                               << "clinical"
                               << "health-status"
                               << "history" << 3;
    QTest::newRow("tnm") << "ctnm.t"
                         << "临床T分期"
                         << "clinical"
                         << "health-status"
                         << "history" << 3;
    QTest::newRow("brca") << "brca1"
                          << "BRCA1 突变"
                          << "genomic"
                          << "health-status"
                          << "genetic" << 4;
    QTest::newRow("family") << "family_history"
                            << "家族史"
                            << ""
                            << "health-status"
                            << "family-history" << 3;
    QTest::newRow("dose") << "rt.dose"
                          << "放疗剂量 (Gy)"
                          << "clinical"
                          << "medical-application"
                          << "medication" << 3;
    QTest::newRow("surgery") << "surgery_type"
                             << "手术方式"
                             << ""
                             << "medical-application"
                             << "surgery" << 3;
    QTest::newRow("consent") << "consent_signed"
                             << "知情同意书"
                             << ""
                             << "medical-application"
                             << "consent" << 3;
    QTest::newRow("insurance") << "insurance_type"
                               << "医保类型"
                               << ""
                               << "payment"
                               << "insurance" << 3;
    QTest::newRow("cost") << "total_cost"
                          << "总费用"
                          << ""
                          << "payment"
                          << "transaction" << 3;
    QTest::newRow("sex") << "sex"
                         << "性别"
                         << ""
                         << "personal-attributes"
                         << "demographic" << 2;
    QTest::newRow("declared identity") << "x1"
                                       << "某标识"
                                       << "identity"
                                       << "personal-attributes"
                                       << "identity" << 4;
    // However the id is written, and in English labels too.
    QTest::newRow("camel name") << "patientName"
                                << ""
                                << "clinical"
                                << "personal-attributes"
                                << "demographic" << 4;
    QTest::newRow("bare name") << "name"
                               << "Name"
                               << "clinical"
                               << "personal-attributes"
                               << "demographic" << 4;
    QTest::newRow("patient id") << "patientId"
                                << "Patient ID"
                                << "clinical"
                                << "personal-attributes"
                                << "identity" << 4;
    QTest::newRow("id number") << "idNumber"
                               << "证件号码"
                               << "clinical"
                               << "personal-attributes"
                               << "identity" << 4;
    QTest::newRow("citizen") << "citizenId"
                             << "公民身份号码"
                             << ""
                             << "personal-attributes"
                             << "identity" << 4;
    QTest::newRow("telephone") << "telephone"
                               << "Telephone"
                               << ""
                               << "personal-attributes"
                               << "communication" << 4;
    QTest::newRow("home phone") << "homePhone"
                                << ""
                                << ""
                                << "personal-attributes"
                                << "communication" << 4;
    QTest::newRow("qq") << "qq"
                        << "QQ号"
                        << ""
                        << "personal-attributes"
                        << "communication" << 4;
    QTest::newRow("case number") << "caseNo"
                                 << "病历号"
                                 << "clinical"
                                 << "personal-attributes"
                                 << "identity" << 4;
    QTest::newRow("visit card") << "cardNo"
                                << "就诊卡号"
                                << ""
                                << "personal-attributes"
                                << "identity" << 4;
    QTest::newRow("pathology number") << "pathologyNo"
                                      << "病理号"
                                      << "clinical"
                                      << "personal-attributes"
                                      << "identity" << 4;
    QTest::newRow("exam number") << "examNo"
                                 << "检查号"
                                 << ""
                                 << "personal-attributes"
                                 << "identity" << 4;
    QTest::newRow("insurance number") << "insuranceNo"
                                      << "医保号"
                                      << ""
                                      << "personal-attributes"
                                      << "identity" << 4;
    QTest::newRow("postcode") << "postcode"
                              << "邮政编码"
                              << ""
                              << "personal-attributes"
                              << "demographic" << 4;
    QTest::newRow("date of birth") << "dateOfBirth"
                                   << ""
                                   << ""
                                   << "personal-attributes"
                                   << "demographic" << 3;
    // Words that only begin like a keyword stay clinical.
    QTest::newRow("photon") << "photonEnergy"
                            << "射线能量"
                            << "clinical"
                            << "health-status"
                            << "" << 3;
    QTest::newRow("cellularity") << "tumourCellularity"
                                 << "肿瘤细胞含量"
                                 << "clinical"
                                 << "health-status"
                                 << "" << 3;
    QTest::newRow("general") << "generalAnesthesia"
                             << "全身麻醉"
                             << "clinical"
                             << "health-status"
                             << "" << 3;
    QTest::newRow("unmatched clinical") << "ki67"
                                        << "Ki-67 (%)"
                                        << "clinical"
                                        << "health-status"
                                        << "" << 3;
}

void tst_Classification::defaultRulesClassifyFields()
{
    QFETCH(QString, id);
    QFETCH(QString, label);
    QFETCH(QString, declared);
    QFETCH(QString, category);
    QFETCH(QString, subKind);
    QFETCH(int, level);
    const Classification result = classify(field(id, label, declared));
    QCOMPARE(categoryId(result.category), category);
    QCOMPARE(result.subKind, subKind);
    QCOMPARE(result.level, level);
    QVERIFY(!result.ruleId.isEmpty()); // the flow records which rule decided
}

void tst_Classification::classificationOnlyRaisesTheDeclaredLevel()
{
    // A designer who marks a diagnosis field level 5 keeps level 5; one who marks a phone field level 2
    // still gets level 4.
    QCOMPARE(classify(field(QStringLiteral("diagnosis"), QString(), QString(), 5)).level, 5);
    QCOMPARE(classify(field(QStringLiteral("phone"), QString(), QString(), 2)).level, 4);
}

void tst_Classification::wordsInsideOtherWordsDoNotMatch()
{
    // "order" inside "border", "exam" inside "reexamine"... a Latin keyword starts a word.
    QCOMPARE(
        classify(field(QStringLiteral("tumour_border"), QStringLiteral("Margin"), QStringLiteral("clinical")))
            .ruleId,
        QStringLiteral("declared-clinical"));
    QCOMPARE(classify(field(QStringLiteral("reexamined"), QString())).ruleId, QStringLiteral("default"));
    QCOMPARE(classify(field(QStringLiteral("order_set"), QString())).subKind, QStringLiteral("order"));
}

void tst_Classification::identifiersAreIdentifyingWhateverTheirType()
{
    ClassificationSubject other;
    other.kind = ClassificationSubject::Kind::Identifier;
    other.id = QStringLiteral("other");
    other.label = QStringLiteral("外院编码");
    const Classification result = classify(other);
    QCOMPARE(result.category, Category::PersonalAttributes);
    QCOMPARE(result.level, 4);
    // A field declared identity stays personal attributes at level 4 even when a clinical keyword
    // matches its id.
    const Classification declared =
        classify(field(QStringLiteral("diagnosisRef"), QString(), QStringLiteral("identity")));
    QCOMPARE(declared.category, Category::PersonalAttributes);
    QCOMPARE(declared.level, 4);
}

void tst_Classification::otherKindsOfDataAreClassifiedToo()
{
    // Documents, image series and derived values carry a classification like fields.
    ClassificationSubject series;
    series.kind = ClassificationSubject::Kind::ImageSeries;
    series.id = QStringLiteral("1.2.3");
    series.label = QStringLiteral("MR Breast");
    const Classification image = classify(series);
    QCOMPARE(image.category, Category::MedicalApplication);
    QCOMPARE(image.level, 4); // headers and pixels carry identity until de-identified

    ClassificationSubject document;
    document.kind = ClassificationSubject::Kind::Document;
    document.label = QStringLiteral("出院小结.pdf");
    QCOMPARE(classify(document).category, Category::MedicalApplication);

    ClassificationSubject score;
    score.kind = ClassificationSubject::Kind::DerivedValue;
    score.id = QStringLiteral("pcr_rate");
    QCOMPARE(classify(score).level, 2);

    // A calculated field that copies a record number identifies like the number itself, and no
    // decision may lower it.
    ClassificationSubject caseNo;
    caseNo.kind = ClassificationSubject::Kind::DerivedValue;
    caseNo.id = QStringLiteral("caseNo");
    caseNo.label = QStringLiteral("Case No.");
    caseNo.declaredLevel = 3;
    const Classification copied = classify(caseNo);
    QCOMPARE(copied.level, kIdentifyingLevel);
    QCOMPARE(copied.category, Category::PersonalAttributes);
    QCOMPARE(classificationFloor(caseNo, copied), kIdentifyingLevel);
    Classification lowered = copied;
    lowered.level = 1;
    QCOMPARE(resolveClassification(lowered, caseNo, copied).level, kIdentifyingLevel);
}

QTEST_GUILESS_MAIN(tst_Classification)
#include "tst_Classification.moc"
