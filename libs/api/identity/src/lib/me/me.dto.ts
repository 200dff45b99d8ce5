import {
  ChangePasswordRequest,
  PASSWORD_MAX_LENGTH,
  SUPPORTED_LOCALES,
  TotpConfirmRequest,
  UpdateProfileRequest,
} from '@kengash/contracts';
import { isValidTimeZone } from '@kengash/util-time';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateBy } from 'class-validator';

const IsTimeZone = () =>
  ValidateBy({
    name: 'isTimeZone',
    validator: {
      validate: (v: unknown) => typeof v === 'string' && isValidTimeZone(v),
      defaultMessage: () => 'timeZone must be an IANA time zone such as Asia/Tashkent',
    },
  });

export class UpdateProfileDto implements UpdateProfileRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(2, 120)
  displayName?: string;

  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES })
  @IsOptional()
  @IsIn([...SUPPORTED_LOCALES], { message: `locale must be one of ${SUPPORTED_LOCALES.join(', ')}` })
  locale?: string;

  @ApiPropertyOptional({ example: 'Asia/Tashkent' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ description: 'False: observers see your role, country and organisation instead of your name' })
  @IsOptional()
  @IsBoolean()
  nameVisibleToObservers?: boolean;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword!: string;
}

export class TotpCodeDto implements TotpConfirmRequest {
  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code!: string;
}
