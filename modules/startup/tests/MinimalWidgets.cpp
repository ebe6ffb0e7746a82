// The baseline of `mdp bench start`: the smallest Qt Widgets program shown the way the workstation
// shows its sign-in window (QApplication, a dialog-sized window with a few widgets), reporting
// through the same StartupProbe. Built in the tree, never installed.
#include "mdp/startup/StartupProbe.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWidget>

#include <memory>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    std::unique_ptr<mdp::startup::StartupProbe> probe;
    if (const auto milestone = mdp::startup::StartupProbe::requested())
        probe = std::make_unique<mdp::startup::StartupProbe>(*milestone);
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(new QLabel(QStringLiteral("Minimal Qt Widgets program"), &window));
    layout->addWidget(new QLineEdit(&window));
    layout->addWidget(new QPushButton(QStringLiteral("OK"), &window));
    window.resize(440, 320);
    window.show();
    return app.exec();
}
