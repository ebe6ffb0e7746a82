#include "mdp/forms/FormDefinition.h"
#include "mdp/forms/ui/FormView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

using namespace mdp;
using namespace mdp::forms;
using mdp::forms::ui::FormView;

namespace {

// Every field type, a calculated subtype and dose per fraction, a conditional field, a pattern, ranges
// and a cross-field rule: the shapes the clinical templates use, kept small and local to the test.
const char *const Definition = R"json({
  "id": "view-test", "version": 1,
  "title": {"zh": "测试表单", "en": "Test form"},
  "category": "baseline", "eventTypes": ["diagnosis"],
  "sections": [
    {"id": "pathology", "title": {"zh": "病理", "en": "Pathology"}, "fields": [
      {"id": "icd10", "type": "code", "label": {"zh": "诊断编码", "en": "Diagnosis code"},
       "codeSystem": "ICD-10", "allowedCodes": ["C50.4", "C50.9"],
       "codeLabels": {"C50.4": {"zh": "乳腺外上象限", "en": "Upper-outer quadrant of breast"}}},
      {"id": "specimen", "type": "text", "label": {"zh": "标本号", "en": "Specimen number"},
       "help": {"zh": "两个大写字母、连字符和三位数字", "en": "Two capitals, a hyphen and three digits"},
       "pattern": "[A-Z]{2}-[0-9]{3}"},
      {"id": "er", "type": "integer", "label": {"zh": "ER 阳性率", "en": "ER positive"}, "unit": "%",
       "minimum": 0, "maximum": 100},
      {"id": "pr", "type": "integer", "label": {"zh": "PR 阳性率", "en": "PR positive"}, "unit": "%",
       "minimum": 0, "maximum": 100},
      {"id": "her2", "type": "choice", "label": {"zh": "HER2 免疫组化", "en": "HER2 IHC"}, "options": [
        {"code": "0", "label": "0"}, {"code": "1+", "label": "1+"}, {"code": "2+", "label": "2+"},
        {"code": "3+", "label": "3+"}]},
      {"id": "fish", "type": "choice", "label": {"zh": "FISH 结果", "en": "FISH result"},
       "visibleIf": "her2 = '2+'", "options": [
        {"code": "amplified", "label": {"zh": "扩增", "en": "Amplified"}},
        {"code": "not-amplified", "label": {"zh": "无扩增", "en": "Not amplified"}}]},
      {"id": "subtype", "type": "text", "label": {"zh": "分子分型", "en": "Molecular subtype"},
       "calculate": "if(er >= 1 or pr >= 1, if(her2 = '3+', 'Luminal B HER2+', 'Luminal'), if(her2 = '3+', 'HER2-enriched', 'TNBC'))"
},
      {"id": "diagnosed", "type": "date", "label": {"zh": "诊断日期", "en": "Date of diagnosis"}},
      {"id": "sites", "type": "multi-choice", "label": {"zh": "转移部位", "en": "Metastatic sites"}, "options": [
        {"code": "bone", "label": {"zh": "骨", "en": "Bone"}}, {"code": "liver", "label": {"zh": "肝", "en": "Liver"}},
        {"code": "lung", "label": {"zh": "肺", "en": "Lung"}}]},
      {"id": "report", "type": "file", "label": {"zh": "病理报告", "en": "Pathology report"}}
    ]
},
    {"id": "plan", "title": {"zh": "放疗计划", "en": "Radiotherapy plan"}, "fields": [
      {"id": "totalDoseGy", "type": "decimal", "label": {"zh": "总剂量", "en": "Total dose"}, "unit": "Gy",
       "decimals": 1, "minimum": 0, "maximum": 80, "required": true},
      {"id": "fractions", "type": "integer", "label": {"zh": "分次数", "en": "Fractions"}, "minimum": 1,
       "maximum": 40, "required": true},
      {"id": "dosePerFraction", "type": "decimal", "label": {"zh": "单次剂量", "en": "Dose per fraction"},
       "unit": "Gy", "decimals": 2, "calculate": "round(totalDoseGy / fractions, 2)"},
      {"id": "oars", "type": "group", "label": {"zh": "危及器官", "en": "Organs at risk"}, "fields": [
        {"id": "structure", "type": "text", "label": {"zh": "结构", "en": "Structure"}},
        {"id": "dmax", "type": "decimal", "label": {"zh": "最大剂量", "en": "Dmax"}, "unit": "Gy", "decimals": 1,
         "minimum": 0}]}
    ]}
  ],
  "rules": [
    {"id": "fractionDose", "expression": "totalDoseGy / fractions <= 3", "severity": "error",
     "message": {"zh": "单次剂量不应超过 3 Gy", "en": "The dose per fraction must not exceed 3 Gy"},
     "fields": ["totalDoseGy", "fractions"]},
    {"id": "highEr", "expression": "er <= 95", "severity": "warning",
     "message": {"zh": "ER 高于 95%，请复核", "en": "ER above 95 %: please check"}, "fields": ["er"]}
  ]
})json";

FormDefinition definition()
{
    auto parsed = FormDefinition::fromJson(QByteArray(Definition));
    if (!parsed)
        qFatal("test definition does not parse: %s", qPrintable(parsed.error().message));
    return parsed.value();
}

template<typename T> T *editorOf(FormView &view, const QString &path)
{
    auto *w = qobject_cast<T *>(view.editor(path));
    if (!w)
        qWarning("no editor of the expected type for %s", qPrintable(path));
    return w;
}

QString messageOf(FormView &view, const QString &path)
{
    QLabel *label = view.messageLabel(path);
    return label && !label->isHidden() ? label->text() : QString();
}

} // namespace

class tst_FormView : public QObject
{
    Q_OBJECT

    const QDate m_today{2026, 3, 2};

    std::unique_ptr<FormView> makeView(const QString &language = QStringLiteral("en"))
    {
        auto view = std::make_unique<FormView>();
        view->setToday(m_today);
        view->setAttachments(
            {{QStringLiteral("6f1c2c5e-0000-4000-8000-000000000001"), QStringLiteral("path.pdf")},
             {QStringLiteral("6f1c2c5e-0000-4000-8000-000000000002"), QStringLiteral("ct.png")}});
        view->setDefinition(definition(), language);
        view->resize(1000, 900);
        view->show();
        return view;
    }

private Q_SLOTS:
    // R-6.2.1d: one editor per field type, and the values typed come back as stored values.
    void everyFieldTypeEditsAndRoundTrips()
    {
        auto view = makeView();
        editorOf<QComboBox>(*view, QStringLiteral("icd10"))->setCurrentIndex(1);
        auto *specimen = editorOf<QLineEdit>(*view, QStringLiteral("specimen"));
        QTest::keyClicks(specimen, QStringLiteral("AB-123"));
        editorOf<QSpinBox>(*view, QStringLiteral("er"))->setValue(80);
        editorOf<QSpinBox>(*view, QStringLiteral("pr"))->setValue(0);
        auto *her2 = editorOf<QComboBox>(*view, QStringLiteral("her2"));
        her2->setCurrentIndex(her2->findData(QStringLiteral("2+")));
        auto *fish = editorOf<QComboBox>(*view, QStringLiteral("fish"));
        fish->setCurrentIndex(fish->findData(QStringLiteral("not-amplified")));
        editorOf<QDateEdit>(*view, QStringLiteral("diagnosed"))->setDate(QDate(2021, 3, 15));
        view->findChild<QCheckBox *>(QStringLiteral("field_sites_bone"))->setChecked(true);
        view->findChild<QCheckBox *>(QStringLiteral("field_sites_lung"))->setChecked(true);
        auto *report = editorOf<QComboBox>(*view, QStringLiteral("report"));
        report->setCurrentIndex(report->findText(QStringLiteral("ct.png")));
        editorOf<QDoubleSpinBox>(*view, QStringLiteral("totalDoseGy"))->setValue(50.0);
        editorOf<QSpinBox>(*view, QStringLiteral("fractions"))->setValue(25);
        QTest::mouseClick(view->findChild<QPushButton *>(QStringLiteral("addRow_oars")), Qt::LeftButton);
        QTest::keyClicks(editorOf<QLineEdit>(*view, QStringLiteral("oars[0].structure")),
                         QStringLiteral("Heart"));
        editorOf<QDoubleSpinBox>(*view, QStringLiteral("oars[0].dmax"))->setValue(3.4);

        const QJsonObject values = view->values();
        QCOMPARE(values.value(u"icd10").toString(), QStringLiteral("C50.4"));
        QCOMPARE(values.value(u"specimen").toString(), QStringLiteral("AB-123"));
        QCOMPARE(values.value(u"er").toInt(), 80);
        QCOMPARE(values.value(u"pr").toInt(), 0);
        QCOMPARE(values.value(u"her2").toString(), QStringLiteral("2+"));
        QCOMPARE(values.value(u"fish").toString(), QStringLiteral("not-amplified"));
        QCOMPARE(values.value(u"diagnosed").toString(), QStringLiteral("2021-03-15"));
        QCOMPARE(values.value(u"sites").toArray(),
                 (QJsonArray{QStringLiteral("bone"), QStringLiteral("lung")}));
        QCOMPARE(values.value(u"report").toString(), QStringLiteral("6f1c2c5e-0000-4000-8000-000000000002"));
        QCOMPARE(values.value(u"totalDoseGy").toDouble(), 50.0);
        QCOMPARE(values.value(u"fractions").toInt(), 25);
        QCOMPARE(values.value(u"oars").toArray().size(), 1);
        QCOMPARE(values.value(u"oars").toArray().at(0).toObject().value(u"structure").toString(),
                 QStringLiteral("Heart"));
        QCOMPARE(values.value(u"oars").toArray().at(0).toObject().value(u"dmax").toDouble(), 3.4);

        // The same values shown in a fresh view put every editor in the same state.
        auto other = makeView();
        other->setValues(values);
        QCOMPARE(other->values(), values);
        QCOMPARE(editorOf<QLineEdit>(*other, QStringLiteral("specimen"))->text(), QStringLiteral("AB-123"));
        QCOMPARE(editorOf<QSpinBox>(*other, QStringLiteral("er"))->value(), 80);
        QCOMPARE(editorOf<QDateEdit>(*other, QStringLiteral("diagnosed"))->date(), QDate(2021, 3, 15));
        QVERIFY(other->findChild<QCheckBox *>(QStringLiteral("field_sites_lung"))->isChecked());
        QVERIFY(!other->findChild<QCheckBox *>(QStringLiteral("field_sites_liver"))->isChecked());
        QCOMPARE(editorOf<QComboBox>(*other, QStringLiteral("report"))->currentText(),
                 QStringLiteral("ct.png"));
        QCOMPARE(editorOf<QLineEdit>(*other, QStringLiteral("oars[0].structure"))->text(),
                 QStringLiteral("Heart"));
    }

    // R-6.2.1d: emptying an editor removes the value rather than storing a zero or a blank.
    void emptiedEditorsStoreNoValue()
    {
        auto view = makeView();
        auto *er = editorOf<QSpinBox>(*view, QStringLiteral("er"));
        er->setValue(40);
        QVERIFY(view->values().contains(u"er"));
        er->setValue(er->minimum());
        QVERIFY(!view->values().contains(u"er"));
        auto *date = editorOf<QDateEdit>(*view, QStringLiteral("diagnosed"));
        date->setDate(QDate(2021, 1, 2));
        QVERIFY(view->values().contains(u"diagnosed"));
        QTest::mouseClick(date->parentWidget()->findChild<QToolButton *>(QStringLiteral("clearDateButton")),
                          Qt::LeftButton);
        QVERIFY(!view->values().contains(u"diagnosed"));
    }

    // R-6.2.1f, R-6.1.3b: a range error appears beside the field while typing, in the form's language.
    void rangeErrorShowsBesideTheFieldInBothLanguages()
    {
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            auto view = makeView(language);
            QSignalSpy validity(view.get(), &FormView::validityChanged);
            editorOf<QSpinBox>(*view, QStringLiteral("er"))->setValue(150);
            const QString message = messageOf(*view, QStringLiteral("er"));
            QVERIFY2(!message.isEmpty(), qPrintable(language));
            QCOMPARE(view->messageLabel(QStringLiteral("er"))->property("severity").toString(),
                     QStringLiteral("error"));
            QCOMPARE(view->editor(QStringLiteral("er"))->property("severity").toString(),
                     QStringLiteral("error"));
            QVERIFY(!view->isValid());
            QCOMPARE(validity.size(), 1);
            QCOMPARE(validity.at(0).at(0).toBool(), false);
            // Chinese text in the Chinese form, none in the English one.
            const bool hasChinese =
                message.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]")));
            QCOMPARE(hasChinese, language == u"zh_CN");
            QVERIFY(!view->summaryLabel()->isHidden());
            // Correcting the value takes the message away.
            editorOf<QSpinBox>(*view, QStringLiteral("er"))->setValue(60);
            QVERIFY(messageOf(*view, QStringLiteral("er")).isEmpty());
            QVERIFY(view->isValid());
            QCOMPARE(validity.size(), 2);
        }
    }

    // R-6.2.1f: a text that does not match the field's pattern is flagged while typing.
    void patternMismatchIsFlagged()
    {
        auto view = makeView();
        auto *specimen = editorOf<QLineEdit>(*view, QStringLiteral("specimen"));
        QTest::keyClicks(specimen, QStringLiteral("ab123"));
        QVERIFY(!messageOf(*view, QStringLiteral("specimen")).isEmpty());
        specimen->clear();
        QTest::keyClicks(specimen, QStringLiteral("AB-123"));
        QVERIFY(messageOf(*view, QStringLiteral("specimen")).isEmpty());
    }

    // R-6.2.1f: a cross-field hard rule shows its message beside each of its fields, in either language;
    // a soft rule shows as a warning and does not make the form invalid.
    void crossFieldRuleShowsBesideEachField()
    {
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            auto view = makeView(language);
            editorOf<QDoubleSpinBox>(*view, QStringLiteral("totalDoseGy"))->setValue(60.0);
            editorOf<QSpinBox>(*view, QStringLiteral("fractions"))->setValue(10);
            const QString expected = language == u"en"
                                         ? QStringLiteral("The dose per fraction must not exceed 3 Gy")
                                         : QStringLiteral("单次剂量不应超过 3 Gy");
            QVERIFY2(messageOf(*view, QStringLiteral("totalDoseGy")).contains(expected),
                     qPrintable(language));
            QVERIFY(messageOf(*view, QStringLiteral("fractions")).contains(expected));
            QVERIFY(!view->isValid());
            editorOf<QSpinBox>(*view, QStringLiteral("fractions"))->setValue(30);
            QVERIFY(messageOf(*view, QStringLiteral("totalDoseGy")).isEmpty());
            QVERIFY(view->isValid());

            editorOf<QSpinBox>(*view, QStringLiteral("er"))->setValue(98);
            QVERIFY(!messageOf(*view, QStringLiteral("er")).isEmpty());
            QCOMPARE(view->messageLabel(QStringLiteral("er"))->property("severity").toString(),
                     QStringLiteral("warning"));
            QVERIFY(view->isValid());
        }
    }

    // R-6.2.1d, R-6.1.3b: a draft may be unfinished; submitting asks for every required field.
    void requiredFieldsAreCheckedOnSubmitOnly()
    {
        auto view = makeView();
        QVERIFY(view->isValid());
        QVERIFY(messageOf(*view, QStringLiteral("totalDoseGy")).isEmpty());
        const ValidationResult result = view->validate(Validator::Mode::Submit);
        QVERIFY(result.hasErrors());
        QVERIFY(result.failingFields().contains(QStringLiteral("totalDoseGy")));
        QVERIFY(result.failingFields().contains(QStringLiteral("fractions")));
        QVERIFY(!messageOf(*view, QStringLiteral("totalDoseGy")).isEmpty());
        QVERIFY(!messageOf(*view, QStringLiteral("fractions")).isEmpty());
        // Live checks stay in submit mode: filling the field clears its message.
        editorOf<QDoubleSpinBox>(*view, QStringLiteral("totalDoseGy"))->setValue(50.0);
        QVERIFY(messageOf(*view, QStringLiteral("totalDoseGy")).isEmpty());
        QVERIFY(!messageOf(*view, QStringLiteral("fractions")).isEmpty());
    }

    // R-6.2.1e: calculated fields follow their inputs live and cannot be typed into.
    void calculatedFieldsUpdateLive()
    {
        auto view = makeView();
        auto *subtype = editorOf<QLineEdit>(*view, QStringLiteral("subtype"));
        QVERIFY(subtype->isReadOnly());
        editorOf<QSpinBox>(*view, QStringLiteral("er"))->setValue(0);
        editorOf<QSpinBox>(*view, QStringLiteral("pr"))->setValue(0);
        auto *her2 = editorOf<QComboBox>(*view, QStringLiteral("her2"));
        her2->setCurrentIndex(her2->findData(QStringLiteral("1+")));
        QCOMPARE(subtype->text(), QStringLiteral("TNBC"));
        QCOMPARE(view->values().value(u"subtype").toString(), QStringLiteral("TNBC"));
        her2->setCurrentIndex(her2->findData(QStringLiteral("3+")));
        QCOMPARE(subtype->text(), QStringLiteral("HER2-enriched"));
        editorOf<QSpinBox>(*view, QStringLiteral("er"))->setValue(70);
        QCOMPARE(subtype->text(), QStringLiteral("Luminal B HER2+"));

        auto *perFraction = editorOf<QLineEdit>(*view, QStringLiteral("dosePerFraction"));
        editorOf<QDoubleSpinBox>(*view, QStringLiteral("totalDoseGy"))->setValue(50.0);
        editorOf<QSpinBox>(*view, QStringLiteral("fractions"))->setValue(25);
        QCOMPARE(view->values().value(u"dosePerFraction").toDouble(), 2.0);
        QVERIFY2(perFraction->text().startsWith(QStringLiteral("2")), qPrintable(perFraction->text()));
        QVERIFY(perFraction->text().contains(QStringLiteral("Gy")));
        editorOf<QSpinBox>(*view, QStringLiteral("fractions"))->setValue(16);
        QCOMPARE(view->values().value(u"dosePerFraction").toDouble(), 3.13);
        // A calculated value given from outside is recomputed, never trusted.
        QJsonObject forged = view->values();
        forged.insert(QStringLiteral("dosePerFraction"), 9.9);
        view->setValues(forged);
        QCOMPARE(view->values().value(u"dosePerFraction").toDouble(), 3.13);
    }

    // R-6.2.1d: visibleIf shows a field only when its condition holds; hidden values are not kept.
    void visibleIfHidesFieldsLive()
    {
        auto view = makeView();
        QVERIFY(!view->isFieldVisible(QStringLiteral("fish")));
        QVERIFY(view->findChild<QWidget *>(QStringLiteral("row_fish"))->isHidden());
        auto *her2 = editorOf<QComboBox>(*view, QStringLiteral("her2"));
        her2->setCurrentIndex(her2->findData(QStringLiteral("2+")));
        QVERIFY(view->isFieldVisible(QStringLiteral("fish")));
        QVERIFY(!view->findChild<QWidget *>(QStringLiteral("row_fish"))->isHidden());
        auto *fish = editorOf<QComboBox>(*view, QStringLiteral("fish"));
        fish->setCurrentIndex(fish->findData(QStringLiteral("amplified")));
        QCOMPARE(view->values().value(u"fish").toString(), QStringLiteral("amplified"));
        her2->setCurrentIndex(her2->findData(QStringLiteral("0")));
        QVERIFY(!view->isFieldVisible(QStringLiteral("fish")));
        QVERIFY(view->findChild<QWidget *>(QStringLiteral("row_fish"))->isHidden());
        QVERIFY(!view->values().contains(u"fish"));
    }

    // R-6.2.1d: Ctrl+Z takes back a field edit (typing in one field is one step), Ctrl+Shift+Z redoes it;
    // rows added to a group come and go with undo too.
    void undoRestoresFieldEdits()
    {
        auto view = makeView();
        auto *specimen = editorOf<QLineEdit>(*view, QStringLiteral("specimen"));
        specimen->setFocus();
        QTest::keyClicks(specimen, QStringLiteral("AB-1"));
        auto *er = editorOf<QSpinBox>(*view, QStringLiteral("er"));
        er->setValue(30);
        er->setValue(45);
        QCOMPARE(view->values().value(u"er").toInt(), 45);

        QTest::keyClick(specimen, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!view->values().contains(u"er"));
        QCOMPARE(er->value(), er->minimum());
        QCOMPARE(view->values().value(u"specimen").toString(), QStringLiteral("AB-1"));
        QTest::keyClick(specimen, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!view->values().contains(u"specimen"));
        QCOMPARE(specimen->text(), QString());
        QTest::keyClick(specimen, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(specimen->text(), QStringLiteral("AB-1"));

        QTest::mouseClick(view->findChild<QPushButton *>(QStringLiteral("addRow_oars")), Qt::LeftButton);
        QTest::mouseClick(view->findChild<QPushButton *>(QStringLiteral("addRow_oars")), Qt::LeftButton);
        QVERIFY(view->editor(QStringLiteral("oars[1].structure")));
        view->undoStack()->undo();
        QVERIFY(!view->editor(QStringLiteral("oars[1].structure")));
        QVERIFY(view->editor(QStringLiteral("oars[0].structure")));
        view->undoStack()->redo();
        QVERIFY(view->editor(QStringLiteral("oars[1].structure")));
    }

    // R-6.2.2b, R-6.2.2d: a pending or approved record is shown, not edited.
    void readOnlyRefusesEdits()
    {
        auto view = makeView();
        QJsonObject values{{QStringLiteral("er"), 20},
                           {QStringLiteral("specimen"), QStringLiteral("AB-123")},
                           {QStringLiteral("oars"),
                            QJsonArray{QJsonObject{{QStringLiteral("structure"), QStringLiteral("Heart")}}}}};
        view->setValues(values);
        view->setReadOnly(true);
        auto *specimen = editorOf<QLineEdit>(*view, QStringLiteral("specimen"));
        QVERIFY(specimen->isReadOnly());
        QTest::keyClicks(specimen, QStringLiteral("X"));
        QCOMPARE(view->values().value(u"specimen").toString(), QStringLiteral("AB-123"));
        QVERIFY(editorOf<QSpinBox>(*view, QStringLiteral("er"))->isReadOnly());
        QVERIFY(!editorOf<QComboBox>(*view, QStringLiteral("her2"))->isEnabled());
        QVERIFY(!view->findChild<QCheckBox *>(QStringLiteral("field_sites_bone"))->isEnabled());
        QVERIFY(view->findChild<QPushButton *>(QStringLiteral("addRow_oars"))->isHidden());
        QVERIFY(editorOf<QLineEdit>(*view, QStringLiteral("oars[0].structure"))->isReadOnly());
        QCOMPARE(view->undoStack()->count(), 0);
        view->setReadOnly(false);
        QVERIFY(!specimen->isReadOnly());
    }

    // R-6.2.1d: labels and help follow the language; switching keeps what was entered.
    // R-6.2.1d: a coded field offers the meaning of each code in the view's language, the code beside
    // it; the stored value stays the code.
    void codeChoicesShowTheirLabels()
    {
        auto view = makeView(QStringLiteral("zh_CN"));
        auto *combo = editorOf<QComboBox>(*view, QStringLiteral("icd10"));
        QVERIFY(combo);
        const int labelled = combo->findData(QStringLiteral("C50.4"));
        QVERIFY(labelled > 0);
        QCOMPARE(combo->itemText(labelled), QStringLiteral("乳腺外上象限 (C50.4)"));
        QCOMPARE(combo->itemText(combo->findData(QStringLiteral("C50.9"))), QStringLiteral("C50.9"));
        combo->setCurrentIndex(labelled);
        QCOMPARE(view->values().value(QStringLiteral("icd10")).toString(), QStringLiteral("C50.4"));
        view->setLanguage(QStringLiteral("en"));
        combo = editorOf<QComboBox>(*view, QStringLiteral("icd10"));
        QCOMPARE(combo->itemText(combo->findData(QStringLiteral("C50.4"))),
                 QStringLiteral("Upper-outer quadrant of breast (C50.4)"));
    }

    void languageSwitchKeepsValues()
    {
        auto view = makeView(QStringLiteral("zh_CN"));
        editorOf<QSpinBox>(*view, QStringLiteral("er"))->setValue(12);
        QVERIFY(view->fieldLabel(QStringLiteral("er")).contains(QStringLiteral("阳性率")));
        view->setLanguage(QStringLiteral("en"));
        QCOMPARE(view->fieldLabel(QStringLiteral("er")), QStringLiteral("ER positive"));
        QCOMPARE(editorOf<QSpinBox>(*view, QStringLiteral("er"))->value(), 12);
        QCOMPARE(editorOf<QLineEdit>(*view, QStringLiteral("specimen"))->toolTip(),
                 QStringLiteral("Two capitals, a hyphen and three digits"));
    }
};

QTEST_MAIN(tst_FormView)
#include "tst_FormView.moc"
