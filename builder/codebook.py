"""Cell ids in the words of the printed form, for readers.

A reader sees 表三 不予公开·危及“三安全一稳定”·自然人, never
``t3.denied.three_safeties.natural_person``: every sink that shows a cell to
a person (check explanations, cell notes, per-report CSV, workbook) takes its
Chinese place from here, and the codebook resource of the data package lists
them all, with the English labels, the unit and the forms that have the cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from . import forms
from .forms import GOV_2019, GOV_2021, PRE_2019

TABLE_ZH = {"t2": "表二", "t3": "表三", "t4": "表四"}
TABLE_EN = {"t2": "Table 2", "t3": "Table 3", "t4": "Table 4"}
TABLE_TITLE_ZH = {"t2": "主动公开政府信息情况", "t3": "收到和处理政府信息公开申请情况",
                  "t4": "政府信息公开行政复议、行政诉讼情况"}
FORM_NAME_ZH = {GOV_2021: "2021 年版表格", GOV_2019: "2019 年版表格", PRE_2019: "无统一表格（2019 年以前）"}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
OUTCOME_ZH = {"pass": "通过", "fail": "未通过", "not_applicable": "不适用"}
STATUS_ZH = {"reported": "印明", "none": "以文字表示（读作 0）", "blank": "空白", "missing": "缺失",
             "repaired": "复原", "ambiguous": "有歧义", "inferred": "推出"}
SCOPE_ZH = {"report": "单份报告", "corpus": "同一机关相邻年度"}
# What the reading of a report warns of (``Report.warnings`` codes), for readers: the report page lists
# them, the reports table names their codes (``reading_notes``).
READING_NOTES_ZH = {
    "more_reports": "这个文件在这份报告之后还收有别的报告（如一个地方各部门报告的汇编），本站只读了第一份；"
                    "其余报告的数字请看原文。",
    "corrected_version": "这个文件先印了报告原文，又印了更正（修订）后的全文：本站读的是更正后的全文。",
    "corrected_table": "报告之后的更正说明又印了更正后的表格（如“更正后的表三”）：本站读的是更正后的表格，原表作废。",
    "erratum_applied": "报告所附的更正说明写明某些单元格应印的数（或原印的数应改为另一个数），而表格仍印原数：本站按更正说明"
                       "改正了这些格（只改恰好一格符合所写行名、栏名的；写明原数的，还须该格印着原数），单元格下载（cells.csv）"
                       "中这些格的原文一栏是报告印出的数，说明一栏引用更正原文，请对照原文。",
    "agency_character_lost": "机关名称中地名的第一个字没有印出（网页的编码印不出的生僻字，显示为“?”“□”）：只有一个地方的"
                             "名称这样结尾（或正文所写的城市中只有一个），按它补出机关名称，请对照原文核实。",
    "agency_misread": "标题中的机关名称错了一个字（扫描件文字识别认错，或打字打错），正文多次写着只差一个字的名称："
                      "按正文的写法读出机关名称。",
    "agency_variant_character": "机关名称中的地名用了异体字或繁体字（如“兗州区”的“兗”），地区对照表查不到："
                                "按规范字（“兖州区”）读出机关名称和所属地区，请对照原文核实。",
    "year_unsure": "报告年度存疑：标题和统计期限没有给出一致的年份（或都没有写年份），本站取了最有依据的一个，请对照原文核实。",
    "region_unknown": "未能确定所属地区和行政区划代码：机关名称、地区对照表和正文都没有给出，地区留空。",
    "mojibake_undone": "文件的文字曾被错误转码（按西文编码读出后又存为 UTF-8，显示为“æ”¿åºœ”或“ÕþÎñ”一类的乱码），"
                       "本站还原为原来的文字后读出。",
    "attached_report": "文件本身只是一段说明（PDF 的页面、转发的邮件或 Word 文档写着“详见附件”）或一个压缩包（zip、tar），"
                       "报告是附在其中的文件（PDF 阅读器附件栏里的文件、邮件的附件、Word 中嵌入的对象、压缩包里的文件），"
                       "本站读的是这个文件。",
    "unreadable_characters": "文件中有字符读不出（损坏的或不合文件编码的字节，显示为 �）：这些地方原来的文字和数字"
                             "无从得知，相关的单元格可能缺失，请对照原文。",
    "export_laid_out": "文件是填报系统导出的数据（规定格式的每一格一列，列名写明它在表中的位置，或以代码表解释的代码；"
                       "或 JSON、YAML、TOML、INI、XML 等结构化数据，字段名写明位置），按列名或字段名排回报告的格式读出；"
                       "“原文”是这样排出的文字，原始文件见下载。",
    "file_repaired": "文件不完整或损坏（下载中断：PDF 缺了结尾的交叉引用表，Word、Excel 文件缺了 ZIP 目录；或 Word 文档的 XML "
                     "不合规范），本站按阅读软件的做法修复后读出其中完整的部分；缺失或损坏的部分无从得知，相关的单元格可能缺失，"
                     "请对照原文。",
    "placed_cells": "表格的每一格按位置单独印成一行（如“第六行 第四列 54”，读屏软件或纯文本版的样子），按所写的行、列放回表格。",
    "turned_tables": "表格横竖颠倒印出（表三每类申请人一行、表格各行成了列，或表二每个栏目一行、各项成了列，"
                     "统计系统导出的样子），按表格原来的方向读回。",
    "listed_rows": "表格的行印成一串有名称的数值（如“自然人：114；商业企业：9”，或手机页面每行一张卡片），"
                   "按每个数值所写的栏名读回表格的位置。",
    "zero_decimals": "表格（或其中几行）的数字都以小数印出（表格软件的数值格式，如“1,274.00”“45.0”），小数都是 0，"
                     "读作整数。",
    "extra_values": "表中有一行印出的数字多于表格的列数，这一行的读法见单元格说明，请对照原文核实。",
    "declared_zeros": "表格只列出不为 0 的项目，报告声明其余各项为 0（如“其余各项均为0”），或用一句话说明表四各项均为 0："
                      "未印出的格读作 0，标为以文字表示，单元格说明中附报告的原话。",
    "blank_zeros": "表下说明表中空白单元格表示 0（如“注：表中空白单元格表示0”，统计系统导出的表格常这样印）：空白的格读作 0，"
                   "标为以文字表示，单元格说明中附报告的原话。",
    "spaced_numbers": "表中有一格的数字中间有空格（窄格折行，如“2 4”），本行数字因此多于列数：按唯一能使本行合计成立的"
                      "分法读出，该格标为复原，原文保留。",
    "t3.pages_across": "表三像电子表格那样分页打印，先横后竖（前几行的前几列、前几行的其余各列，再是后几行的前几列和其余各列）："
                       "按这个顺序把各页拼回一张表读出。",
    "t3.single_other_row": "表三把“（六）其他处理”印成一行（2019 年版的写法），2021 年版的三个分项没有印出。",
    "t3.other_sub_rows": "表三按 2021 年版印出“（六）其他处理”的三个分项，2019 年版的一行取三项之和（推出）。",
    "t3.group_total_row": "表三有一组只印出合计一行，没有印出各分项：这些分项记为缺失，该组的合计请见原文。",
    "t3.part_row": "表三多印了以“其中”开头的一行（如“其中：主动公开”），是上一行的分项而不是表格的行，未读入，其数字请见原文。",
    "t3.share_row": "表三多印了一行“占比”（如“予以公开占比（%）”，各格是百分比），表格没有这一行：未读入，其数字请见原文。",
    "t3.column_order": "表三的列印的顺序与表格不同，按表头的列名读出。",
    "t3.column_not_printed": "表三的表头和各行都少印了一列：这一列的各格记为缺失，其余各列按表头的列名读出。",
    "t3.subtotal_column": "表三多印了一列“小计”（五类法人或其他组织之和），表格没有这一列：按表头的列名读出各列，小计不计入。",
    "t3.columns_not_the_forms": "表三的申请人栏与表格不同（多出一类，如个体工商户；两类合为一栏，如“科研机构和社会公益组织”；"
                                "或一类拆成几栏，如“本市户籍”“非本市户籍”）：这些栏不计入，表头点名的其他各栏按列名读出，"
                                "被合并的栏记为缺失；拆成几栏的，几栏之和与本行总计相合时作为该栏（标为复原）。",
    "t3.comparison_columns": "表三在表格的列之外多印了与上年对比的列（如“2023年总计”“增减”），表格没有这些列：按表头的列名"
                             "读出各列，对比列不计入。",
    "t3.share_column": "表三在“总计”之外多印了一列“占比”（各行占申请总数的百分比），表格没有这一列：按表头的列名读出各列，"
                       "占比不计入。",
    "scope_columns": "报告在同一表头下并排印出本机关（本级）和全县（区、市）的数（两组列，或每列下分本级、全县）；"
                     "本站读的是本级的列，全县的数请见原文。",
    "scope_copy": "报告把表格印了两份：一份是本机关（本级）的，一份是全区（县、市）各级行政机关的汇总；本站读的是本机关的一份，"
                  "汇总的数字请见原文。",
    "unit_copies": "报告把表格按本机关（本级）、各所属单位和合计分别印了几份：本站读的是本级的一份（报告写明本级为本机关"
                   "年度报告数据，或没有写明哪一份是），合计和各单位的几份请见原文。",
    "unit_copies_total": "报告把表格按各所属单位和合计分别印了几份（或另有本机关本级的一份）：本站读的是合计的一份（报告写明"
                         "合计为本机关年度报告数据，或没有印出本级的一份），本级和各单位的几份请见原文。",
    "unit_columns": "报告在同一表头下并排印出合计、本机关（本级）和各所属单位的几组列：本站读的是本级的一组（报告写明本级为"
                    "本机关年度报告数据，或没有写明哪一组是），合计和各单位的几组请见原文。",
    "unit_columns_total": "报告在同一表头下并排印出合计和各所属单位（或另有本机关本级）的几组列：本站读的是合计的一组（报告写明"
                          "合计为本机关年度报告数据，或没有印出本级的一组），本级和各单位的几组请见原文。",
    "t3.total_left_blank": "表三的“总计”一列各行都空着（机关没有填写）：按表格的格读出六类申请人各列，总计各格为空白。",
    "t3.row_total_first": "表三有的行把总计印在六类申请人之前（PDF 文字先给出了总计一格）：这样的行第一个数等于其后六个数之和，"
                          "按总计在后读出，各格标为复原。",
    "t3.total_only": "表三只印出“总计”一列，没有按申请人分列：各行的总计按表头读出，申请人各列没有印出，记为缺失。",
    "t3.organisations_one_column": "表三把“法人或其他组织”印成一列，没有分出五类：自然人、总计按表头读出，五类组织各格没有印出，"
                                   "记为缺失，这一列只用来核对各行的总计。",
    "t3.continued": "表三分两部分印出，后一部分（续表）重印各行的行名、印出前一部分没有的列：每行连起两部分的数，"
                    "按表头的列名读出。",
    "t3.second_part_unread": "表三分两部分印出，后一部分重印各行的行名、印着另一些列的数，但没有能读出的表头（页边截去、表头"
                             "读不出）：只按表头读出前一部分，后一部分的列记为缺失。",
    "t3.numbers_apart": "表三先印出各行的行名、各格空着，其后另印同样多行只有数字的行（PDF 转 Word 时数字落进文本框）："
                        "按顺序把每行数字配给对应的行名。",
    "t3.labels_around_numbers": "表三的行名折成几行、印在只有数字的行上下（有表格线的表格的 PDF、OFD 文字或文字识别的文字）："
                                "在两个写明行名的行之间，按表格的次序把其间写出的行名配给这些数字行。",
    "t3.numbers_before_labels": "表三每行的数字印在行名之前一行、第一行数字之上没有行名（PDF 阅读器复制出的文字，行名在几行中"
                                "居中）：每行数字取其后的行名，按表格的次序读出。",
    "t2.column_order": "表二某一项的表头把各栏印成了另一种顺序（如“现行有效件数”在前），按表头的栏名读出。",
    "t2.other_measures": "表二某一项的数字印在写着别的项目栏名的表头下（文字识别把行名和数字分开读出），无法确定属于哪一项，"
                         "未读入，请见原文。",
    "t2.row_by_section": "表二某一行的行名不是表格的任何一项（如文字识别把“行政许可”读成“行政许司”），它印在只有一项的"
                         "“第二十条第（X）项”标题下：按标题读作这一项，请对照原文。",
    "t2.row_misread": "表二某一行的行名不是表格的任何一项，但与某一项的名称只差一个字（如文字识别把“行政强制”读成“行政强剔”），"
                      "而这一项没有别的行：读作这一项，请对照原文。",
    "t2.other_form_measures": "表二有一块印的是另一版表格的栏（如 2019 年版的“本年新制作数量”“上一年项目数量”），"
                              "与本表各格的含义不同，这一块不读，记为缺失。",
    "t2.two_items_a_row": "表二一行写了两个项目和两个数（如“行政许可、行政处罚｜1362、214”），按行名的次序各读一个。",
    "t2.extra_columns": "表二某一项的表头多印了表格没有的栏（如上年的数字、增减，或按年度并列的栏），按表头的栏名读出表格的"
                        "各栏（按年度并列的读最近一年），多出的栏不读。",
    "t2.fewer_measures": "表二某一项的表头只印出表格的部分栏（如 2019 年版报告的一项照 2021 年版印作“本年处理决定数量”），"
                         "按表头的栏名读出，其余各栏没有印出，记为缺失。",
    "t3.year_columns": "表三每一栏并列印出几个年度的数字（如“2022年 | 2023年”，便于与上年对比），读出最近一个年度的各栏。",
    "t3.by_column": "表三按列印出（文字识别逐列读出的表格，或横竖颠倒的表格：每类申请人一行，依次印出表格各行的数），"
                    "按列读回表格的位置。",
    "t3.strips": "表三像电子表格打印过宽的表格那样分两段印出：先印各行的行名和前几列，下一页再按同样的行序印出其余各列"
                 "（不重印行名）：每行连起两段的数，按表格的列读出。",
    "t3.value_glued_to_label": "表三有几行的第一个数紧贴在行名之后（漏了分隔，如“（一）予以公开8”），本行合计成立，"
                               "按本行的第一个数读出。",
    "t3.row_printed_twice": "表三有一行接连印了两次：相同的只读一次；两次的数不同时取本行合计成立的一次，"
                            "都成立或都不成立的各格标为有歧义。",
    "t3.spacer_columns": "表三各行在每两个数之间多印了一个空白格（网页排版用的窄空白列），去掉空白格读出各数。",
    "t4.spacer_columns": "表四在每两个数之间多印了一个空白格（每个数的格跨两列），去掉空白格读出各数。",
    "t3.spaced_blanks": "表三用空格排版、留空的格只是多几个空格：各行的数落在同一套等宽的栏位上、从第一栏排到最后一栏的，"
                        "按位置读出空着的格。",
    "t3.merged_none": "表三有的行只印一格“无”“0”或“本年度无此类情况”（合并单元格跨整行，或向下跨过其后只印行名的各行），"
                      "这些行各格读作 0。",
    "t4.merged_none": "表四某一组、行政诉讼两组或整张表只印一格“无”或“本年度未发生……”（合并单元格），只有一种摊法能使各组"
                      "合计成立，按此读作 0。",
    "t2.item_in_parts": "表二某一项只分几行印出（如“行政许可（前置审批）”“行政许可（一般）”），没有本项自身的一行：取哪一行"
                        "或其和都没有依据，未作选择。",
    "t3.last_year_copy": "表三印了本年和上年两份（各有“本年”“上年”或年份的题注），读本年的一份，上年的不读。",
    "t4.last_year_copy": "表四印了本年和上年两份（各有“本年”“上年”或年份的题注），读本年的一份，上年的不读。",
    "t3.units_annexed": ("表三在附件中按单位又印了多份（“附表N 某某局……统计表”），这些是各单位的表格，不是本机关的，不读；"
                         "没有本机关自己的表三时，表三记为缺失。"),
    "t3.rate_column": "表三在总计之后多印了一列比率（如较上年增减 -33.3%，上年为零时印作表格软件的错误值 #DIV/0!），不是件数，"
                      "去掉后读出各行。",
    "t4.rate_columns": "表四在各组总计之后多印了比率（如纠错率、占比，百分数），不是件数，去掉后读出十五个数。",
    "t4.empty_columns": "表四在十五个数之外多印了几个空白格（表格中隐藏或留空的列），去掉空白格读出，各组合计都成立。",
    "t3.stray_blanks": "表三有的行在数字之间夹着空格，或一格里印着几个数（文字识别把扫描件的表格线读成了“|”，或漏读了几条）："
                       "把各数分开后恰好与列数相同、本行合计成立，按分开的数读出，请对照原文。",
    "t3.interleaved_rows": "表三有两行的数字被 PDF 文字逐字交错印在一行上（如“20 00 00 …”，上一行只有行名）：每个两位数的"
                           "第一位读作上一行的数，第二位读作本行的数，请对照原文。",
    "t3.text_order": "表三的数与行名分开、一行一个（不保留版式的 PDF 文字：一行行或成块逐列印出），按文字中的先后顺序"
                     "逐块填入表格：只有这一种填法使表中各项合计都成立，请对照原文。",
    "t4.column_order": "表四的组或列印的顺序与表格不同，按表头的名称读出。",
    "t4.subtotal_group": "表四在行政诉讼的两组之外多印了一组“行政诉讼小计”（两组之和），表格没有这一组：按表头的名称读出"
                         "各组，小计不计入。",
    "t4.columns_printed": "表四每组下只印出同几栏（如只印三组的“总计”），按这几栏读出，其余各格未印出，记为缺失",
    "t4.part_printed": "表四只印出一部分组或一部分格（如只印“行政复议”一组，只印行政诉讼两组，或页面在右边缘截断了表格），"
                       "按表头（或行名）写明的组和格读出，其余没有印出，记为缺失。",
    "t2.section_blocks": "表二的行名与数字分开印出（不保留版式的 PDF 文字）：每个“第二十条”标题下先列栏名、再一行一个印出"
                         "各项的数，按行名的顺序读出；同一标题下有两项而逐行、逐列两种读法不同的，不作选择，列出两种读法。",
    "t2.measure_rows": "表二每项的每个指标各印一行（如“规章 | 本年制发件数 | 件 | 0”，统计报表和数据导出的印法），按各行"
                       "写明的项目和指标读回表格的位置。",
    "t2.turned": "表二横过来印出（表头各列为“规章”“行政规范性文件”等项，每行一个指标，如“本年制发件数”），按列名和行名"
                 "读回表格的位置；合计列不读。",
    "t2.wide": "表二各项印成很宽的一行（表头一行列出各项、一行列出各项的指标，其下一行是各数），按各数所在列的项目和指标"
               "读回表格的位置。",
    "t4.extra_results": "表四表头在规定的五种结果、三组之外另印了几栏或一组（如“其中：撤诉”“驳回”“确认违法”“终止”"
                        "“行政赔偿”）：这些不读，三组按表头的名称读出规定的五栏。",
    "t4.listed": "表四印成一列清单（每格一行，如“行政复议-结果维持 1”），按每行写明的类别和结果读回表格的位置；"
                 "清单没有列出的格为空白。",
    "t4.turned": "表四横竖颠倒印出（每种结果一行，行政复议、两种行政诉讼各一列），按行名和列名读回表格的位置。",
    "t4.group_rows": "表四每组印成一行（行政复议、未经复议直接起诉、复议后起诉各一行，五种结果各一列，统计表常这样印），"
                     "按行名和列名读回表格的位置。",
    "t4.year_rows": "表四为几个年度各印了一行（如 2019 年、2020 年两行对比，或每组各印本年、上年两行），读出最近一个年度的"
                    "一行（各组）。",
    "t4.bands": ("表四分成两段印出：行政复议五格在自己的表头下，行政诉讼十格（未经复议直接起诉、复议后起诉）在另一个表头下；"
                 "按表头合成一行读出，各组合计是否成立由勾稽关系核对。"),
    "t4.wrapped_row": ("表四的一行数字分印在几行上（PDF 文字常见，或表格分成行政复议、行政诉讼两张），连起来按列读出："
                       "连读后三组的总计都等于各项之和。"),
}


def reading_note_zh(code: str) -> str:
    """A reading warning in the reader's words; a code without wording is shown as it is."""
    return READING_NOTES_ZH.get(code, f"读取提示：{code}")


# Leading enumerations of the printed labels: 一、 （一） 1.
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])\s*")
# A label's parenthetical instructions, e.g. （区分处理的，只计这一情形，不计其他情形）
_INSTRUCTION = re.compile(r"（[^）]{6,}）$")


def short_zh(label: str) -> str:
    """A printed label without its numbering or instructions: （二）部分公开（区分…） → 部分公开."""
    return _INSTRUCTION.sub("", _NUMBERING.sub("", label)).strip()


@dataclass(frozen=True)
class CellLabel:
    """Where a cell sits, in the form's words (Chinese) and in English."""

    cell_id: str
    table: str
    row: str
    column: str
    table_zh: str
    group_zh: str  # 第二十条第（一）项, 不予公开, 行政诉讼 … or ""
    row_zh: str
    column_zh: str
    row_en: str
    column_en: str
    unit_zh: str
    unit_en: str
    templates: tuple[str, ...]

    @property
    def place_zh(self) -> str:
        """Row and column without the table: 不予公开·危及“三安全一稳定”·自然人."""
        return "·".join(filter(None, (self.group_zh, self.row_zh, self.column_zh)))

    @property
    def row_place_zh(self) -> str:
        """The row with its group: 不予公开·属于国家秘密."""
        return "·".join(filter(None, (self.group_zh, self.row_zh)))

    @property
    def label_zh(self) -> str:
        """Table, row and column: 表三 不予公开·危及“三安全一稳定”·自然人."""
        return f"{self.table_zh} {self.place_zh}"

    @property
    def label_en(self) -> str:
        return f"{TABLE_EN[self.table]}: {self.row_en}, {self.column_en}"


def _unit(table: str, column: str) -> tuple[str, str]:
    if column == "amount_10k_cny":
        return "万元", "10,000 CNY"
    if column == "amount":
        return "按报告所印（元或万元，见 unit）", "as printed (CNY or 10,000 CNY, see unit)"
    return ("项", "items") if column in _ITEM_COUNTS else ("件", "count")


_ITEM_COUNTS = ("prev_items", "change", "items")  # 2019 table 2: numbers of items, not of documents


@cache
def labels() -> dict[str, CellLabel]:
    """Every cell id of every form, in form order, with its labels."""
    rows: dict[str, tuple[str, str, str]] = {}  # row id → group, row (zh), row (en)
    for template in (GOV_2021, GOV_2019):
        form = forms.FORMS[template]
        for item in form.t2:
            rows.setdefault(f"t2.{item.id}", (item.section_zh, item.label_zh, item.label_en))
        for r in form.t3_rows:
            # （三）不予公开 is a group of rows; 三、本年度办理结果 is the section every result row is in.
            group = short_zh(r.group_zh) if r.group_zh.startswith("（") else ""
            rows.setdefault(f"t3.{r.id}", (group, short_zh(r.label_zh), r.label_en))
    for g in forms.T4_GROUPS:
        group, _, name = g.label_zh.rpartition("·")
        rows[f"t4.{g.id}"] = (group, name, g.label_en)
    columns = {f"t3.{c.id}": c for c in forms.T3_COLUMNS} | {f"t4.{c.id}": c for c in forms.T4_COLUMNS}
    for template in (GOV_2021, GOV_2019):
        for item in forms.FORMS[template].t2:
            for m in item.measures:  # a measure both forms have keeps the current (2021) form's words
                columns.setdefault(f"t2.{m.id}", m)
    out: dict[str, CellLabel] = {}
    for template in (GOV_2021, GOV_2019):
        for cell in forms.cells(template):
            if cell.id in out:
                out[cell.id] = _with_template(out[cell.id], template)
                continue
            group, row_zh, row_en = rows[f"{cell.table}.{cell.row}"]
            column = columns[f"{cell.table}.{cell.column}"]
            unit_zh, unit_en = _unit(cell.table, cell.column)
            out[cell.id] = CellLabel(cell.id, cell.table, cell.row, cell.column, TABLE_ZH[cell.table], group,
                                     row_zh, column.label_zh, row_en, column.label_en, unit_zh, unit_en, (template,))
    return out


def _with_template(label: CellLabel, template: str) -> CellLabel:
    return replace(label, templates=(*label.templates, template))


def label_zh(cell_id: str) -> str:
    """A cell's place for readers; an id no form has is shown as it is."""
    label = labels().get(cell_id)
    return label.label_zh if label else cell_id


_CELL_ID = re.compile(r"\bt[234](?:\.[a-z0-9_]+){2,3}\b")


def readable(text: str) -> str:
    """Text with every cell id replaced by the cell's Chinese place."""
    return _CELL_ID.sub(lambda m: label_zh(m.group(0)), text) if text else text


def identity_zh(identity: forms.Identity) -> str:
    """The sum an identity states, in the form's words (for notes on inferred cells)."""
    first = labels()[identity.whole[0]]
    if identity.check == "t3.total_cols":
        return f"表三“{first.row_place_zh}”一行各类申请人之和等于总计"
    if identity.check == "t3.total_rows":
        return f"表三“{first.column_zh}”一列各项办理结果之和等于（七）总计"
    if identity.check == "t3.balance":
        return f"表三“{first.column_zh}”一列本年新收加上年结转等于办理结果总计加结转下年度"
    return f"表四“{first.row_zh}”各项之和等于总计"
