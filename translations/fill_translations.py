#!/usr/bin/python3
"""Writes the German and Japanese texts for the studio's strings into translations/mbq_*.ts.

Run after `cmake --build build --target update_translations` has added new source strings:
it fills every string listed here and leaves the others marked unfinished (shown in English).
Keeping the texts here, keyed by context and source, survives lupdate rewriting the .ts files.
"""
import os
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))

TEXTS = {
    "main": {
        "Zero-shot motion transfer editor": (
            "Editor für Zero-Shot-Bewegungsübertragung",
            "ゼロショット・モーション転送エディタ"),
        "Project file to open (default: the demo project)": (
            "Zu öffnende Projektdatei (Standard: das Demoprojekt)",
            "開くプロジェクトファイル（既定: デモプロジェクト）"),
        "Save a PNG of the main window once shown, then quit.": (
            "Nach dem Anzeigen ein PNG des Hauptfensters speichern und beenden.",
            "メインウィンドウ表示後に PNG を保存して終了します。"),
        "User interface language: %1 (default: the system's)": (
            "Sprache der Oberfläche: %1 (Standard: die des Systems)",
            "表示言語: %1（既定: システムの言語）"),
    },
    "mbq::MainWindow": {
        "mbq projects (*.mbqproj);;All files (*)": (
            "mbq-Projekte (*.mbqproj);;Alle Dateien (*)",
            "mbq プロジェクト (*.mbqproj);;すべてのファイル (*)"),
        "Device: starting…": ("Gerät: wird gestartet…", "デバイス: 起動中…"),
        "Device: %1": ("Gerät: %1", "デバイス: %1"),
        "&File": ("&Datei", "ファイル(&F)"),
        "&Open…": ("Ö&ffnen…", "開く(&O)…"),
        "Open &Demo Project": ("&Demoprojekt öffnen", "デモプロジェクトを開く(&D)"),
        "&Save": ("&Speichern", "保存(&S)"),
        "Save &As…": ("Speichern &unter…", "名前を付けて保存(&A)…"),
        "&Quit": ("&Beenden", "終了(&Q)"),
        "&Edit": ("&Bearbeiten", "編集(&E)"),
        "&Undo": ("&Rückgängig", "元に戻す(&U)"),
        "&Redo": ("&Wiederholen", "やり直し(&R)"),
        "Ctrl+Shift+Z": ("Ctrl+Shift+Z", "Ctrl+Shift+Z"),
        "&Render": ("&Rendern", "レンダリング(&R)"),
        "Ctrl+R": ("Ctrl+R", "Ctrl+R"),
        "&View": ("&Ansicht", "表示(&V)"),
        "&Help": ("&Hilfe", "ヘルプ(&H)"),
        "&About Motion by Queries Studio": (
            "&Über Motion by Queries Studio", "Motion by Queries Studio について(&A)"),
        "Cannot open the demo project": (
            "Das Demoprojekt kann nicht geöffnet werden", "デモプロジェクトを開けません"),
        "Cannot open project": ("Projekt kann nicht geöffnet werden", "プロジェクトを開けません"),
        "Open Project": ("Projekt öffnen", "プロジェクトを開く"),
        "Cannot save project": ("Projekt kann nicht gespeichert werden", "プロジェクトを保存できません"),
        "Saved %1": ("%1 gespeichert", "%1 を保存しました"),
        "Save Project As": ("Projekt speichern unter", "名前を付けてプロジェクトを保存"),
        "Unsaved changes": ("Ungespeicherte Änderungen", "未保存の変更"),
        "%1 has unsaved changes. Save them first?": (
            "%1 hat ungespeicherte Änderungen. Zuerst speichern?",
            "%1 には未保存の変更があります。先に保存しますか？"),
        "Queued render %1": ("Rendern %1 eingereiht", "レンダリング %1 をキューに追加しました"),
        "About Motion by Queries Studio": (
            "Über Motion by Queries Studio", "Motion by Queries Studio について"),
        "<p><b>Motion by Queries Studio</b> %1</p><p>Zero-shot motion transfer: the self-attention "
        "queries of a source clip steer the motion of a new video that looks like its own prompt."
        "</p><p>Device: %2</p>": (
            "<p><b>Motion by Queries Studio</b> %1</p><p>Zero-Shot-Bewegungsübertragung: Die "
            "Self-Attention-Queries eines Quellclips steuern die Bewegung eines neuen Videos, das "
            "wie sein eigener Prompt aussieht.</p><p>Gerät: %2</p>",
            "<p><b>Motion by Queries Studio</b> %1</p><p>ゼロショット・モーション転送: ソース"
            "クリップのセルフアテンションのクエリが、独自のプロンプトどおりの見た目を持つ新しい動画の"
            "動きを導きます。</p><p>デバイス: %2</p>"),
        "Model: none chosen": ("Modell: keines gewählt", "モデル: 未選択"),
        "Model: loading %1…": ("Modell: %1 wird geladen…", "モデル: %1 を読み込み中…"),
        "%1[*] — Motion by Queries Studio": (
            "%1[*] — Motion by Queries Studio", "%1[*] — Motion by Queries Studio"),
        "Model: %1 (%2 layout, %3 parameters)": (
            "Modell: %1 (%2-Layout, %3 Parameter)", "モデル: %1（%2 レイアウト、%3 パラメータ）"),
        "%1B": ("%1 Mrd.", "%1B"),
        "%1M": ("%1 Mio.", "%1M"),
        "%1k": ("%1 Tsd.", "%1k"),
        "Choose &Model Folder…": ("&Modellordner wählen…", "モデルフォルダを選択(&M)…"),
        "Choose Model Folder": ("Modellordner wählen", "モデルフォルダを選択"),
        "Model: not loaded": ("Modell: nicht geladen", "モデル: 未読み込み"),
    },
    "mbq::ProjectSummaryView": {
        "(none)": ("(keine)", "（なし）"),
        "%1 — not found": ("%1 — nicht gefunden", "%1 — 見つかりません"),
        "Source clip": ("Quellclip", "ソースクリップ"),
        "Model": ("Modell", "モデル"),
        "Target prompt": ("Ziel-Prompt", "ターゲットプロンプト"),
        "Negative prompt": ("Negativ-Prompt", "ネガティブプロンプト"),
        "Source prompt": ("Quell-Prompt", "ソースプロンプト"),
        "Generation": ("Generierung", "生成"),
        "Q injection": ("Q-Injektion", "Q インジェクション"),
        "Injected steps": ("Injizierte Schritte", "注入ステップ"),
        "Source extraction": ("Quellextraktion", "ソース抽出"),
        "Takes": ("Takes", "テイク"),
        "seed %1%2 · %3×%4 · %5 frames at %6 fps · %7 steps %8 · guidance %9 · shift %10": (
            "Seed %1%2 · %3×%4 · %5 Bilder bei %6 fps · %7 Schritte %8 · Guidance %9 · Shift %10",
            "シード %1%2 · %3×%4 · %5 フレーム（%6 fps）· %7 ステップ %8 · ガイダンス %9 · シフト %10"),
        " (locked)": (" (gesperrt)", "（固定）"),
        "%1 (%2)": ("%1 (%2)", "%1（%2）"),
        "steps %1 to %2 of %3": ("Schritte %1 bis %2 von %3", "ステップ %1〜%2（全 %3）"),
        "single pass at t = %1": ("ein Durchlauf bei t = %1", "t = %1 で 1 回のパス"),
        "no renders yet": ("noch keine Renderings", "レンダリングはまだありません"),
        "%n take(s)": (["%n Take", "%n Takes"], ["%n 件のテイク"]),
        "%1 at %2": ("%1 mit %2", "%1（%2）"),
        "off": ("aus", "オフ"),
    },
    "mbq::RenderJobDelegate": {
        "Queued": ("Eingereiht", "待機中"),
        "Cancelling…": ("Wird abgebrochen…", "キャンセル中…"),
        "Running": ("Läuft", "実行中"),
        "Done": ("Fertig", "完了"),
        "Failed": ("Fehlgeschlagen", "失敗"),
        "Cancelled": ("Abgebrochen", "キャンセル済み"),
        "Load model": ("Modell laden", "モデル読み込み"),
        "Encode source": ("Quelle kodieren", "ソースのエンコード"),
        "Extract Q": ("Q extrahieren", "Q の抽出"),
        "Denoise": ("Entrauschen", "ノイズ除去"),
        "Decode": ("Dekodieren", "デコード"),
        "Metrics": ("Metriken", "メトリクス"),
        "Waiting for the render thread": (
            "Warte auf den Render-Thread", "レンダリングスレッドを待っています"),
        "Finished in %1": ("Fertig nach %1", "%1 で完了"),
        "%1 left": ("noch %1", "残り %1"),
    },
    "mbq::RenderQueueDock": {
        "Render Queue": ("Render-Warteschlange", "レンダーキュー"),
        "Cancel": ("Abbrechen", "キャンセル"),
        "Retry": ("Wiederholen", "再試行"),
        "Clear Finished": ("Erledigte entfernen", "完了分を消去"),
        "Stop the selected job; finished steps are kept": (
            "Gewählten Auftrag stoppen; fertige Schritte bleiben erhalten",
            "選択したジョブを停止します。完了したステップは保持されます"),
        "Queue the selected job again": (
            "Gewählten Auftrag erneut einreihen", "選択したジョブを再度キューに追加します"),
        "Remove finished, failed and cancelled jobs from the list": (
            "Fertige, fehlgeschlagene und abgebrochene Aufträge aus der Liste entfernen",
            "完了・失敗・キャンセルしたジョブを一覧から削除します"),
        "Failed: %1": ("Fehlgeschlagen: %1", "失敗: %1"),
    },
}


def fill(path, column):
    tree = ET.parse(path)
    missing = 0
    for context in tree.getroot().findall("context"):
        texts = TEXTS.get(context.find("name").text, {})
        for message in context.findall("message"):
            source = message.find("source").text
            translation = message.find("translation")
            if source not in texts:
                missing += 1
                continue
            text = texts[source][column]
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                for form in list(translation):
                    translation.remove(form)
                translation.text = None
                for form in text:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = text
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    for language, column in (("de", 0), ("ja", 1)):
        left = fill(os.path.join(HERE, "mbq_%s.ts" % language), column)
        print("mbq_%s.ts: %d strings left in English" % (language, left), file=sys.stderr)
