#include "mdp/workbench/Widgets.h"

#include "../../../tests/support/MemoryScan.h"

#include <QLineEdit>
#include <QtTest>

using namespace mdp;
using mdp::testing::countUtf16Copies;

namespace {
// Typed one key at a time, as a person would: the test never holds the password as a QString.
constexpr std::string_view kTyped = "Qiang#Mima-2026-xyz";

void type(QLineEdit *edit, std::string_view text)
{
    for (char c : text)
        QTest::keyClick(edit, c);
}
} // namespace

// Issue 9 part 7: a password typed into a field leaves no copy of its characters in the
// process's memory once it is taken, so a core dump or a memory read after sign-in finds nothing.
class tst_PasswordFields : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aTakenPasswordLeavesNoCopyOfItsCharacters()
    {
        QLineEdit edit;
        workbench::preparePasswordEdit(&edit);
        edit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&edit));
        type(&edit, kTyped);
        // Control: while the field holds the password the scan finds it, so the scan can see.
        QVERIFY(countUtf16Copies(kTyped) >= 1);

        const SecureBytes password = workbench::takePassword(&edit);
        QCOMPARE(password.view(), QByteArrayView(kTyped.data(), qsizetype(kTyped.size())));
        QVERIFY(edit.text().isEmpty());
        QCOMPARE(countUtf16Copies(kTyped), 0);
        // Nor the longer beginnings a growing buffer would have left behind while it was typed.
        QCOMPARE(countUtf16Copies(kTyped.substr(0, kTyped.size() - 1)), 0);
        QCOMPARE(countUtf16Copies(kTyped.substr(0, kTyped.size() / 2 + 2)), 0);
        // Nor their ends (an allocator reuses the start of a freed block for its own bookkeeping).
        QCOMPARE(countUtf16Copies(kTyped.substr(kTyped.size() / 2)), 0);
        QCOMPARE(countUtf16Copies(kTyped.substr(6, 8)), 0);
    }

    void aWipedFieldLeavesNoCopyAndTakesTheNextEntry()
    {
        QLineEdit edit;
        workbench::preparePasswordEdit(&edit);
        type(&edit, kTyped);
        const SecureBytes copied = workbench::copyPassword(&edit);
        QCOMPARE(copied.view(), QByteArrayView(kTyped.data(), qsizetype(kTyped.size())));
        QCOMPARE(edit.text().size(), qsizetype(kTyped.size())); // a copy leaves the field as it was
        workbench::wipePassword(&edit);
        QCOMPARE(countUtf16Copies(kTyped), 0);
        QCOMPARE(countUtf16Copies(kTyped.substr(0, kTyped.size() / 2 + 2)), 0);
        QCOMPARE(countUtf16Copies(kTyped.substr(kTyped.size() / 2)), 0);

        // The field is ready for the next attempt, with the same protection.
        type(&edit, "Second-try-77");
        QCOMPARE(workbench::takePassword(&edit).view(), QByteArrayView("Second-try-77"));
        QCOMPARE(countUtf16Copies("Second-try-77"), 0);
        QCOMPARE(edit.echoMode(), QLineEdit::Password);
    }

    void aPasswordIsTakenAsTypedAndItsStringWiped()
    {
        // Key slots take the bytes as typed (the password hash normalises to NFC on its own), so a
        // slot made before this code opens with the same bytes as ever.
        QString decomposed = QStringLiteral("Cafe\u0301-Mima-2026");
        QString copy = decomposed; // shares the buffer: wiping must not change what another holds
        const SecureBytes bytes = takePassword(decomposed);
        QCOMPARE(bytes.view(), QByteArrayView("Cafe\xcc\x81-Mima-2026"));
        QVERIFY(decomposed.isEmpty());
        QCOMPARE(copy, QStringLiteral("Cafe\u0301-Mima-2026"));
    }
};

QTEST_MAIN(tst_PasswordFields)
#include "tst_PasswordFields.moc"
