#include "mdp/forms/DefaultTemplates.h"
#include "mdp/forms/RecordDiff.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace mdp;
using namespace mdp::forms;

namespace {

FormDefinition plan()
{
    auto all = defaultTemplates();
    if (!all)
        qFatal("templates do not parse");
    for (const FormDefinition &d : *all) {
        if (d.id == u"radiotherapy-plan")
            return d;
    }
    qFatal("no radiotherapy-plan template");
}

QJsonObject oar(const QString &structure, const QString &metric, double value)
{
    return QJsonObject{{QStringLiteral("structure"), structure},
                       {QStringLiteral("metric"), metric},
                       {QStringLiteral("value"), value}};
}

} // namespace

class tst_RecordDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // R-6.2.4b
    void identicalValuesHaveNoChanges()
    {
        const QJsonObject v{{QStringLiteral("totalDoseGy"), 50},
                            {QStringLiteral("technique"), QStringLiteral("vmat")}};
        QVERIFY(diffRecords(plan(), v, v).isEmpty());
        // Empty in every spelling is the same empty.
        QVERIFY(diffRecords(plan(), QJsonObject{{QStringLiteral("endDate"), QStringLiteral("")}},
                            QJsonObject{{QStringLiteral("endDate"), QJsonValue::Null}})
                    .isEmpty());
    }

    // R-6.2.4b: the reviewer sees what changed, field by field, in form order.
    void changesComeInFormOrderWithTheirKind()
    {
        const QJsonObject before{{QStringLiteral("totalDoseGy"), 50},
                                 {QStringLiteral("fractions"), 25},
                                 {QStringLiteral("technique"), QStringLiteral("imrt")},
                                 {QStringLiteral("endDate"), QStringLiteral("2024-05-06")}};
        const QJsonObject after{{QStringLiteral("totalDoseGy"), 42.56},
                                {QStringLiteral("fractions"), 25},
                                {QStringLiteral("technique"), QStringLiteral("vmat")},
                                {QStringLiteral("boost"), QStringLiteral("no")}};
        const QList<FieldChange> changes = diffRecords(plan(), before, after);
        QCOMPARE(changes.size(), 4);
        QCOMPARE(changes[0],
                 (FieldChange{QStringLiteral("technique"), FieldChange::Kind::Changed,
                              QJsonValue(QStringLiteral("imrt")), QJsonValue(QStringLiteral("vmat"))}));
        QCOMPARE(changes[1], (FieldChange{QStringLiteral("totalDoseGy"), FieldChange::Kind::Changed,
                                          QJsonValue(50), QJsonValue(42.56)}));
        QCOMPARE(changes[2], (FieldChange{QStringLiteral("boost"), FieldChange::Kind::Added, QJsonValue(),
                                          QJsonValue(QStringLiteral("no"))}));
        QCOMPARE(changes[3], (FieldChange{QStringLiteral("endDate"), FieldChange::Kind::Removed,
                                          QJsonValue(QStringLiteral("2024-05-06")), QJsonValue()}));
    }

    void groupRowsAreComparedByPosition()
    {
        const QJsonObject before{{QStringLiteral("oarDoses"),
                                  QJsonArray{oar(QStringLiteral("heart"), QStringLiteral("Dmean"), 4.2),
                                             oar(QStringLiteral("lungs"), QStringLiteral("V20"), 18)}}};
        const QJsonObject after{{QStringLiteral("oarDoses"),
                                 QJsonArray{oar(QStringLiteral("heart"), QStringLiteral("Dmean"), 3.9),
                                            oar(QStringLiteral("lungs"), QStringLiteral("V20"), 18),
                                            oar(QStringLiteral("lad"), QStringLiteral("Dmax"), 20)}}};
        const QList<FieldChange> changes = diffRecords(plan(), before, after);
        QStringList paths;
        for (const FieldChange &c : changes)
            paths.append(c.fieldPath);
        QCOMPARE(paths,
                 (QStringList{QStringLiteral("oarDoses[0].value"), QStringLiteral("oarDoses[2].structure"),
                              QStringLiteral("oarDoses[2].metric"), QStringLiteral("oarDoses[2].value")}));
        QCOMPARE(changes[0].kind, FieldChange::Kind::Changed);
        QCOMPARE(changes[1].kind, FieldChange::Kind::Added);
        // A removed row reports its members as removed.
        const QList<FieldChange> back = diffRecords(plan(), after, before);
        QCOMPARE(back.size(), 4);
        QCOMPARE(back[3].kind, FieldChange::Kind::Removed);
        QCOMPARE(back[3].before, QJsonValue(20));
    }

    void valuesOutsideTheDefinitionAreStillReported()
    {
        const QList<FieldChange> changes =
            diffRecords(plan(), QJsonObject{{QStringLiteral("legacyField"), 1}},
                        QJsonObject{{QStringLiteral("legacyField"), 2}});
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].fieldPath, QStringLiteral("legacyField"));
    }

    void displayValueReadsLikeTheForm()
    {
        const FormDefinition d = plan();
        QCOMPARE(displayValue(*d.field(u"technique"), QJsonValue(QStringLiteral("vmat")), u"zh_CN"),
                 QStringLiteral("容积旋转调强（VMAT）"));
        QCOMPARE(displayValue(*d.field(u"technique"), QJsonValue(QStringLiteral("vmat")), u"en"),
                 QStringLiteral("Volumetric arc (VMAT)"));
        QCOMPARE(displayValue(*d.field(u"totalDoseGy"), QJsonValue(50), u"en"), QStringLiteral("50.00 Gy"));
        QCOMPARE(displayValue(*d.field(u"fractions"), QJsonValue(25), u"en"), QStringLiteral("25"));
        QCOMPARE(displayValue(*d.field(u"targets"),
                              QJsonValue(QJsonArray{QStringLiteral("breast"), QStringLiteral("axilla")}),
                              u"en"),
                 QStringLiteral("Whole breast, Axilla"));
        QCOMPARE(displayValue(*d.field(u"targets"),
                              QJsonValue(QJsonArray{QStringLiteral("breast"), QStringLiteral("axilla")}),
                              u"zh"),
                 QStringLiteral("全乳、腋窝"));
        QCOMPARE(displayValue(*d.field(u"endDate"), QJsonValue(), u"en"), QStringLiteral("—"));
        QCOMPARE(displayValue(*d.field(u"endDate"), QJsonValue(QStringLiteral("2024-05-06")), u"en"),
                 QStringLiteral("2024-05-06"));
        QCOMPARE(
            displayValue(*d.field(u"oarDoses"), QJsonValue(QJsonArray{QJsonObject{}, QJsonObject{}}), u"en"),
            QStringLiteral("2 rows"));
        QCOMPARE(displayValue(*d.field(u"oarDoses"), QJsonValue(QJsonArray{QJsonObject{}, QJsonObject{}}),
                              u"zh_CN"),
                 QStringLiteral("2 行"));
        // An unknown code is shown as it is rather than hidden.
        QCOMPARE(displayValue(*d.field(u"technique"), QJsonValue(QStringLiteral("cobalt")), u"en"),
                 QStringLiteral("cobalt"));
        FieldDefinition percent;
        percent.type = FieldType::Decimal;
        percent.decimals = 0;
        percent.unit = QStringLiteral("%");
        QCOMPARE(displayValue(percent, QJsonValue(85), u"en"), QStringLiteral("85%"));
    }

    // A coded value reads as its label with the code beside it; an unlabelled one as before.
    void displayValueShowsTheCodeLabel()
    {
        FieldDefinition morphology;
        morphology.type = FieldType::Code;
        morphology.codeSystem = QStringLiteral("ICD-O-3");
        morphology.allowedCodes = {QStringLiteral("8500/3"), QStringLiteral("8520/3")};
        morphology.codeLabels.insert(
            QStringLiteral("8500/3"),
            LocalizedText{QStringLiteral("浸润性导管癌"), QStringLiteral("Invasive ductal carcinoma")});
        QCOMPARE(displayValue(morphology, QJsonValue(QStringLiteral("8500/3")), u"zh_CN"),
                 QStringLiteral("浸润性导管癌 (8500/3)"));
        QCOMPARE(displayValue(morphology, QJsonValue(QStringLiteral("8500/3")), u"en"),
                 QStringLiteral("Invasive ductal carcinoma (8500/3)"));
        QCOMPARE(displayValue(morphology, QJsonValue(QStringLiteral("8520/3")), u"en"),
                 QStringLiteral("8520/3 (ICD-O-3)"));
    }
};

QTEST_GUILESS_MAIN(tst_RecordDiff)
#include "tst_RecordDiff.moc"
