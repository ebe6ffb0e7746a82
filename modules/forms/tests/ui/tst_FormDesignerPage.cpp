#include "FormDesignerPage.h"
#include "FormTestSupport.h"
#include "ShellTestSupport.h"
#include "mdp/forms/ui/FormDesigner.h"

#include <QComboBox>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QtTest>

using namespace mdp;
using namespace mdp::shell;
using namespace mdp::registry::ui;
using namespace mdp::forms::ui;
using namespace mdp::notify::ui;
using namespace mdp::shell::testing;
using mdp::forms::ui::FormDesigner;

class tst_FormDesignerPage : public QObject
{
    Q_OBJECT

    FormsWorld m_world;

    static QString text(QLabel *label) { return label && !label->isHidden() ? label->text() : QString(); }

    static int versionOf(workspace::Workspace &ws, const QString &formId)
    {
        auto d = ws.forms().definition(formId);
        return d ? d->version : 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        applyTheme();
        useLanguage(QStringLiteral("en"));
        QVERIFY(m_world.create());
    }

    // R-6.2.1d: the page lists the forms in use, latest version of each, and opens one in the designer.
    void listsTheFormsInUse()
    {
        auto context = m_world.signIn(QStringLiteral("data-manager"));
        FormDesignerPage page(*context);
        QCOMPARE(page.definitions().size(), forms::defaultTemplateIds().size());
        QCOMPARE(page.definitionList()->count(), int(forms::defaultTemplateIds().size()));
        QVERIFY(page.openDefinition(QStringLiteral("radiotherapy-plan")));
        QCOMPARE(page.designer()->definition().id, QStringLiteral("radiotherapy-plan"));
        QVERIFY(page.designer()->preview()->hasDefinition());
        QVERIFY(page.designer()->preview()->editor(QStringLiteral("totalDoseGy")));
    }

    // R-6.2.1d, R-6.2.1f: a rule whose expression does not compile is refused by Check and by Save, with
    // its location and column; nothing is stored.
    void brokenRuleExpressionIsRefusedWithItsPosition()
    {
        auto context = m_world.signIn(QStringLiteral("data-manager"));
        FormDesignerPage page(*context);
        page.resize(1500, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(page.openDefinition(QStringLiteral("breast-baseline")));
        FormDesigner *designer = page.designer();
        const int rules = int(designer->definition().rules.size());
        designer->addRule();
        QCOMPARE(designer->definition().rules.size(), rules + 1);
        auto *id = designer->findChild<QLineEdit *>(QStringLiteral("ruleIdEdit"));
        id->selectAll();
        QTest::keyClicks(id, QStringLiteral("ki67Plausible"));
        auto *message = designer->findChild<QLineEdit *>(QStringLiteral("ruleMessageEn"));
        QTest::keyClicks(message, QStringLiteral("Ki-67 must be plausible"));
        auto *expression = designer->findChild<QPlainTextEdit *>(QStringLiteral("ruleExpression"));
        expression->setPlainText(QStringLiteral("ki67Percent <= 100 and ki67 > 0"));
        QCOMPARE(designer->definition().rules.last().expression,
                 QStringLiteral("ki67Percent <= 100 and ki67 > 0"));

        QTest::mouseClick(designer->findChild<QPushButton *>(QStringLiteral("checkButton")), Qt::LeftButton);
        const QString checked = text(designer->checkLabel());
        QVERIFY2(checked.contains(QStringLiteral("rules[%1]").arg(rules)), qPrintable(checked));
        QVERIFY2(checked.contains(QStringLiteral("column")), qPrintable(checked));
        QVERIFY2(checked.contains(QStringLiteral("ki67")), qPrintable(checked));
        QCOMPARE(designer->checkLabel()->property("severity").toString(), QStringLiteral("error"));
        saveScreenshot(&page, QStringLiteral("form-designer-error"));

        QCOMPARE(page.save(), 0);
        QVERIFY(text(page.messageLabel()).contains(QStringLiteral("column")));
        QCOMPARE(versionOf(*m_world.workspace, QStringLiteral("breast-baseline")), 1);
    }

    // R-6.2.1d: a valid edit (a label and a new range) saves as version 2; records keep their version.
    void validEditSavesAsVersionTwo()
    {
        auto context = m_world.signIn(QStringLiteral("data-manager"));
        FormDesignerPage page(*context);
        page.resize(1500, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(page.openDefinition(QStringLiteral("breast-baseline")));
        FormDesigner *designer = page.designer();
        QVERIFY(designer->selectField(0, 1)); // ageAtDiagnosis
        auto *fieldId = designer->findChild<QLineEdit *>(QStringLiteral("fieldIdEdit"));
        QCOMPARE(fieldId->text(), QStringLiteral("ageAtDiagnosis"));
        auto *label = designer->findChild<QLineEdit *>(QStringLiteral("fieldLabelEn"));
        label->selectAll();
        QTest::keyClicks(label, QStringLiteral("Age when diagnosed (years)"));
        auto *minimum = designer->findChild<QLineEdit *>(QStringLiteral("fieldMinimum"));
        minimum->selectAll();
        QTest::keyClicks(minimum, QStringLiteral("16"));
        QVERIFY(designer->isModified());
        QCOMPARE(designer->definition().sections.at(0).fields.at(1).label.en,
                 QStringLiteral("Age when diagnosed (years)"));
        QCOMPARE(*designer->definition().sections.at(0).fields.at(1).minimum, 16.0);

        QTest::mouseClick(designer->findChild<QPushButton *>(QStringLiteral("checkButton")), Qt::LeftButton);
        QCOMPARE(designer->checkLabel()->property("severity").toString(), QStringLiteral("success"));
        // The preview follows the edit.
        QTRY_COMPARE(designer->preview()->fieldLabel(QStringLiteral("ageAtDiagnosis")),
                     designer->preview()->language() == u"en" ? QStringLiteral("Age when diagnosed (years)")
                                                              : QStringLiteral("诊断时年龄（岁）"));
        designer->setPreviewLanguage(QStringLiteral("en"));
        saveScreenshot(&page, QStringLiteral("form-designer"));

        QCOMPARE(page.save(), 2);
        QVERIFY(text(page.messageLabel()).contains(QStringLiteral("version 2")));
        QCOMPARE(versionOf(*m_world.workspace, QStringLiteral("breast-baseline")), 2);
        auto first = m_world.workspace->forms().definition(QStringLiteral("breast-baseline"), 1);
        QVERIFY(first.ok());
        QCOMPARE(first->field(u"ageAtDiagnosis")->label.en, QStringLiteral("Age at diagnosis (years)"));
        bool listed = false;
        for (int i = 0; i < page.definitionList()->count(); ++i)
            listed = listed || page.definitionList()->item(i)->text().contains(QStringLiteral("version 2"));
        QVERIFY(listed);
        QVERIFY(!designer->isModified());
        // Saving again without a change keeps version 2.
        QCOMPARE(page.save(), 2);
    }

    // R-6.2.1d: a new form from scratch: sections, fields of several types, a calculation; it saves as
    // version 1 and offers itself for its event type.
    void newFormFromScratchSavesAsVersionOne()
    {
        auto context = m_world.signIn(QStringLiteral("data-manager"));
        FormDesignerPage page(*context);
        page.newDefinition();
        FormDesigner *designer = page.designer();
        auto typeInto = [designer](const char *name, const QString &value) {
            auto *edit = designer->findChild<QLineEdit *>(QString::fromLatin1(name));
            QVERIFY2(edit, name);
            edit->selectAll();
            // Committed through the input method, as Chinese is typed (QTest::keyClicks is Latin-1 only).
            QInputMethodEvent commit;
            commit.setCommitString(value);
            QCoreApplication::sendEvent(edit, &commit);
        };
        designer->tree()->setCurrentItem(designer->tree()->topLevelItem(0));
        typeInto("formIdEdit", QStringLiteral("bmi-check"));
        typeInto("formTitleEn", QStringLiteral("Body mass index"));
        typeInto("formTitleZh", QStringLiteral("体重指数"));
        typeInto("formEventTypes", QStringLiteral("follow-up"));
        QVERIFY(designer->selectSection(0));
        designer->addField();
        typeInto("fieldIdEdit", QStringLiteral("weightKg"));
        auto *type = designer->findChild<QComboBox *>(QStringLiteral("fieldTypeCombo"));
        type->setCurrentIndex(type->findData(QStringLiteral("decimal")));
        typeInto("fieldLabelEn", QStringLiteral("Weight"));
        typeInto("fieldUnit", QStringLiteral("kg"));
        designer->addField();
        typeInto("fieldIdEdit", QStringLiteral("heightM"));
        type->setCurrentIndex(type->findData(QStringLiteral("decimal")));
        typeInto("fieldLabelEn", QStringLiteral("Height"));
        typeInto("fieldUnit", QStringLiteral("m"));
        designer->addField();
        typeInto("fieldIdEdit", QStringLiteral("bmi"));
        type->setCurrentIndex(type->findData(QStringLiteral("decimal")));
        typeInto("fieldLabelEn", QStringLiteral("BMI"));
        typeInto("fieldCalculate", QStringLiteral("round(weightKg / (heightM * heightM), 1)"));
        auto checked = designer->check();
        QVERIFY2(checked.ok(), qPrintable(checked.ok() ? QString() : checked.error().message));
        QCOMPARE(checked->fieldCount(), 3);
        QCOMPARE(page.save(), 1);
        QCOMPARE(versionOf(*m_world.workspace, QStringLiteral("bmi-check")), 1);

        // The preview computes the new field.
        designer->setDefinition(checked.value());
        forms::ui::FormView *preview = designer->preview();
        QVERIFY(setNumber(*preview, QStringLiteral("weightKg"), 60));
        QVERIFY(setNumber(*preview, QStringLiteral("heightM"), 1.6));
        QCOMPARE(preview->values().value(u"bmi").toDouble(), 23.4);
    }
};

QTEST_MAIN(tst_FormDesignerPage)
#include "tst_FormDesignerPage.moc"
