"""Gender hints for resolving "he" and "she" to a person the article named: a hint, never a rule."""

from __future__ import annotations

from service.extraction.cues import wordset

# Gender hints for "he"/"she": honorifics, gendered role words and common first names (a hint, never a rule).
FEMININE = wordset(
    """ms ms. mrs mrs. miss spokeswoman chairwoman congresswoman councilwoman assemblywoman businesswoman
    alderwoman mother wife daughter sister widow grandmother actress queen princess duchess lady she her
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra
    ashley kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca laura sharon cynthia
    kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra
    rachel carolyn janet catherine maria heather diane julie joyce victoria kelly christina lauren joan
    evelyn olivia judith megan cheryl martha andrea frances hannah jacqueline ann gloria jean kathryn alice
    teresa sara janice doris madison julia grace judy abigail marie denise beverly amber theresa marilyn
    danielle diana brittany natalie sophia rose isabella alexis kayla charlotte nadia elena irina olga
    natalia svetlana tatiana fatima aisha leila yasmin ana lucia sofia carmen rosa ursula angela kamala
    hillary nikki kristi elise alexandria ilhan rashida liz marjorie lauren karine kristen lise dana
    daniella sylvia"""
)
MASCULINE = wordset(
    """mr mr. spokesman chairman congressman councilman assemblyman businessman alderman father husband son
    brother widower grandfather actor king prince duke lord he his
    james robert john michael david william richard joseph thomas charles christopher daniel matthew
    anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason
    jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel
    gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas
    zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean austin carl
    arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne
    elijah randy roy vincent ralph eugene russell bobby mason philip louis sergei sergey vladimir dmitry
    mikhail anatoly alexei ivan igor boris nikolai yuri andrei oleg ahmed mohammed muhammad ali omar hassan
    hussein abdullah ibrahim mustafa bashar recep emmanuel olaf rishi keir narendra xi benjamin volodymyr
    chuck mitch mike ted marco rand lindsey bernie jim tim tom dan bill ron kevin hakeem jd kash pete"""
)
