#pragma once
// Preferences: the interface language, applied at once (every open widget retranslates) and
// remembered for the next start.

#include <QDialog>

class QComboBox;

namespace mbq {

class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    static QString settingsKey() { return QStringLiteral("language"); }

private:
    void applyLanguage();

    QComboBox *m_language;
};

} // namespace mbq
